package io.bcsync.bigcommerce.stores;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The retention job on MariaDB/MySQL through mysql-connector-j. */
@MicronautTest(transactional = false)
class UninstalledStoreRetentionMariaDbTest extends UninstalledStoreRetentionTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
