package io.bcsync.pipeline;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The database ceiling loop on MariaDB/MySQL through mysql-connector-j. */
@MicronautTest(transactional = false)
class DatabaseCeilingMariaDbTest extends DatabaseCeilingTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
