package io.bcsync.sync.accounts;

import io.bcsync.testsupport.TestDatabases;
import java.util.Map;

/** V14's fill-in on MariaDB/MySQL (mandatory under CI). */
class LedgerCustomerKeyMigrationMariaDbTest extends LedgerCustomerKeyMigrationTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
