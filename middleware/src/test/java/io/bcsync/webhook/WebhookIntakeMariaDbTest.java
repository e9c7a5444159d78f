package io.bcsync.webhook;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The intake cases on MariaDB/MySQL through mysql-connector-j (mandatory under CI). */
@MicronautTest(transactional = false)
class WebhookIntakeMariaDbTest extends WebhookIntakeTest {
  private final String database = TestDatabases.uniqueDatabaseName();

  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb(database);
  }

  @AfterAll
  void dropDatabase() {
    TestDatabases.dropMariaDb(database);
  }
}
