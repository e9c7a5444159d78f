package io.bcsync.sync;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/**
 * The end-to-end per-customer figures (the V11 ledger column) on MariaDB/MySQL (mandatory under
 * CI).
 */
@MicronautTest(transactional = false)
class CustomerFiguresEndToEndMariaDbTest extends CustomerFiguresEndToEndTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
