package io.bcsync.webhook;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The replay cases on MariaDB/MySQL (the dedupe key's expiry, the take-over of an expired key). */
@MicronautTest(transactional = false)
class WebhookReplayMariaDbTest extends WebhookReplayTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
