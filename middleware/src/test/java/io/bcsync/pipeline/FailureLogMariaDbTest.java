package io.bcsync.pipeline;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** Failed attempts and their retention (a delete with a subquery) on MariaDB/MySQL. */
@MicronautTest(transactional = false)
class FailureLogMariaDbTest extends FailureLogTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
