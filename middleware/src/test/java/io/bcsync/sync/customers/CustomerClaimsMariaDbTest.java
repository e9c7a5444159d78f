package io.bcsync.sync.customers;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/**
 * Per-customer claims on MariaDB/MySQL (mandatory under CI): a duplicate key inside the claim
 * transaction fails only its statement, and concurrent claimants wait on each other's rows instead
 * of deadlocking.
 */
@MicronautTest(transactional = false)
class CustomerClaimsMariaDbTest extends CustomerClaimsTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
