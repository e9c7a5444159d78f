package io.bcsync.pipeline;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

@MicronautTest(transactional = false)
class ClaimGatheringMariaDbTest extends ClaimGatheringTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
