package io.bcsync.sync.customers;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/**
 * The customer/order race on one unlinked customer with the claims on MariaDB/MySQL (mandatory
 * under CI).
 */
@MicronautTest(transactional = false)
class UnlinkedCustomerRaceMariaDbTest extends UnlinkedCustomerRaceTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
