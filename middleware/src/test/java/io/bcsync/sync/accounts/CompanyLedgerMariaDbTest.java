package io.bcsync.sync.accounts;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The company ledger on MariaDB/MySQL through mysql-connector-j. */
@MicronautTest(transactional = false)
class CompanyLedgerMariaDbTest extends CompanyLedgerTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
