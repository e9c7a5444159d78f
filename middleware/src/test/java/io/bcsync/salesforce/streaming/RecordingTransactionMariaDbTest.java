package io.bcsync.salesforce.streaming;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** Recording in one transaction on MariaDB/MySQL through mysql-connector-j. */
@MicronautTest(transactional = false)
class RecordingTransactionMariaDbTest extends RecordingTransactionTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
