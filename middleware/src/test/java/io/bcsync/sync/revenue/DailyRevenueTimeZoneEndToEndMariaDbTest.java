package io.bcsync.sync.revenue;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** {@link DailyRevenueTimeZoneEndToEndTest} on MariaDB/MySQL (mandatory under CI). */
@MicronautTest(transactional = false)
class DailyRevenueTimeZoneEndToEndMariaDbTest extends DailyRevenueTimeZoneEndToEndTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
