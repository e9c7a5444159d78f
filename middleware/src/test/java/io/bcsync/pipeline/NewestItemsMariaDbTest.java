package io.bcsync.pipeline;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** Each entity's newest work item (a subquery with GROUP BY) on MariaDB/MySQL. */
@MicronautTest(transactional = false)
class NewestItemsMariaDbTest extends NewestItemsTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
