package io.bcsync.sync.review;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** Reviews on MariaDB/MySQL through mysql-connector-j. */
@MicronautTest(transactional = false)
class ReviewsMariaDbTest extends ReviewsTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
