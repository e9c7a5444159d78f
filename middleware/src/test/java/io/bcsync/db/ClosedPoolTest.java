package io.bcsync.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * When no connection can be had at all (here: the pool is closed), JDBC and repository work alike
 * fail with {@link DataAccessFailure}, which the webhook answers with 503 and workers retry.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedPoolTest implements TestPropertyProvider {
  @Inject Db db;
  @Inject DataSource dataSource;
  @Inject ProbeRepository probes;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    return properties;
  }

  @Test
  void no_connection_is_a_data_access_failure_for_jdbc_and_repository_work() throws Exception {
    dataSource.unwrap(HikariDataSource.class).close();

    assertThatThrownBy(() -> db.read(() -> probes.findById("any")))
        .isInstanceOf(DataAccessFailure.class);
    assertThatThrownBy(() -> db.write(connection -> 1)).isInstanceOf(DataAccessFailure.class);
  }
}
