package io.bcsync.bigcommerce.stores;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The installed-store rules on MariaDB/MySQL through mysql-connector-j. */
@MicronautTest(transactional = false)
class InstalledStoresMariaDbTest extends InstalledStoresTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
