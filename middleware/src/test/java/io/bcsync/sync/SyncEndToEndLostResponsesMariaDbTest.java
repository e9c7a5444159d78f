package io.bcsync.sync;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** Lost Salesforce answers on every write path, on MariaDB/MySQL (mandatory under CI). */
@MicronautTest(transactional = false)
class SyncEndToEndLostResponsesMariaDbTest extends SyncEndToEndLostResponsesTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
