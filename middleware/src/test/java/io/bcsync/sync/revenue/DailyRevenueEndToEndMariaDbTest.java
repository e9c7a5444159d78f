package io.bcsync.sync.revenue;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The daily revenue end to end on MariaDB/MySQL (V22's SQL and the job's claims there). */
@MicronautTest(transactional = false)
class DailyRevenueEndToEndMariaDbTest extends DailyRevenueEndToEndTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
