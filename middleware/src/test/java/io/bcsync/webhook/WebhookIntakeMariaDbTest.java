package io.bcsync.webhook;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The intake cases on MariaDB/MySQL through mysql-connector-j (mandatory under CI). */
@MicronautTest(transactional = false)
class WebhookIntakeMariaDbTest extends WebhookIntakeTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
