package io.bcsync.bigcommerce;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The catch-up marks on MariaDB/MySQL through mysql-connector-j. */
@MicronautTest(transactional = false)
class CatchUpMarksMariaDbTest extends CatchUpMarksTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
