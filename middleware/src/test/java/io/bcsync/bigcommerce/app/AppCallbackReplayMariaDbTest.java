package io.bcsync.bigcommerce.app;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/**
 * The replay cases on MariaDB/MySQL: V13 and the used-token primary key there (mandatory under CI).
 */
@MicronautTest(transactional = false)
class AppCallbackReplayMariaDbTest extends AppCallbackReplayTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
