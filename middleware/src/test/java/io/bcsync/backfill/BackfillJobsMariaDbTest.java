package io.bcsync.backfill;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The backfill job rules on MariaDB/MySQL through mysql-connector-j. */
@MicronautTest(transactional = false)
class BackfillJobsMariaDbTest extends BackfillJobsTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
