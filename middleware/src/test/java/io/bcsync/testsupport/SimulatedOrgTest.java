package io.bcsync.testsupport;

import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of tests that run the middleware (on H2 unless {@link #databaseProperties()} says otherwise)
 * against a simulated sandbox org with the package's schema, logged in with the integration user.
 * Subclasses add {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SimulatedOrgTest implements TestPropertyProvider {
  protected SalesforceSimulator sim;

  @Override
  public Map<String, String> getProperties() {
    sim = SimulatedSalesforce.start(SimulatedSalesforce.sandbox());
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(databaseProperties());
    properties.putAll(SimulatedSalesforce.passwordLogin(sim));
    return properties;
  }

  /** H2; a MariaDB subclass returns {@link TestDatabases#freshMariaDb}. */
  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @AfterAll
  void stopSimulatedOrg() {
    sim.close();
  }
}
