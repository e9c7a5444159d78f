package io.bcsync.sync.flows;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The At Risk sweep (its ledger page query, V14 and V15) on MariaDB/MySQL (mandatory under CI). */
@MicronautTest(transactional = false, startApplication = false)
class AtRiskSweepMariaDbTest extends AtRiskSweepTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
