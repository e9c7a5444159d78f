package io.bcsync.sim.salesforce;

import com.sforce.soap.partner.PartnerConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One simulated org per test class and a fresh force-wsc login per test, with the client name the
 * middleware sends (call options "bc-sync": the org tells our own writes apart by it).
 */
abstract class PartnerApiTestBase {
  static SalesforceSimulator sim;
  PartnerConnection connection;

  @BeforeAll
  static void start() {
    sim = TestOrgs.start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void connect() throws Exception {
    connection = TestOrgs.login(sim);
    connection.setCallOptions("bc-sync", null);
  }
}
