package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Validates the simulator's responses for every endpoint it serves against BigCommerce's published
 * OpenAPI specs (../shared/specs/bigcommerce/bigcommerce-docs/reference). The walk goes area by
 * area, in one test, because later areas use what earlier ones created (a customer group for a
 * price list assignment, a variant for price records and inventory).
 */
class EndpointContractTest extends ContractTestBase {

  @Test
  void everyServedEndpointMatchesTheOfficialSpecs() throws Exception {
    SimulatedStore store =
        sim.createStore(BigCommerceSimulator.StoreSpec.named("con123").clientId("contract-client"));
    ContractFixture fixture = ContractFixture.seed(store);
    SpecResponseChecker checker = new SpecResponseChecker(specs, Http.forStore(sim, store));
    try (CallbackReceiver receiver = new CallbackReceiver()) {
      OrderEndpointChecks.run(checker, fixture);
      long groupId = CustomerEndpointChecks.run(checker, fixture.customerId());
      CatalogEndpointChecks.run(checker, fixture.productId(), groupId);
      long hookId = HookEndpointChecks.createAndChange(checker, receiver);
      checker.check("store_information.v2.yml", "GET", "/v2", "/store", null, 200);
      checker.check("store_information.v2.yml", "GET", "/v2", "/time", null, 200);
      HookEndpointChecks.delete(checker, hookId);
    }

    assertThat(checker.failures())
        .as("responses that do not match the BigCommerce specs")
        .isEmpty();
  }
}
