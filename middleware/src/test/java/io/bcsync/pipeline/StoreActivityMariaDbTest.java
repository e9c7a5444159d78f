package io.bcsync.pipeline;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The queue views on MariaDB/MySQL through mysql-connector-j. */
@MicronautTest(transactional = false)
class StoreActivityMariaDbTest extends StoreActivityTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
