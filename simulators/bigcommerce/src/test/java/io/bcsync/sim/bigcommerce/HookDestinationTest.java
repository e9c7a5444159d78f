package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hook destinations must be HTTPS on port 443 ("Destination URL must be served on port 443 (custom
 * ports are not currently supported)": POST /hooks in
 * ../shared/specs/bigcommerce/bigcommerce-docs/reference/webhooks.v3.yml; HTTPS:
 * ../shared/reference/bigcommerce.md 3.1). Plain http on a loopback host is a simulator-only
 * allowance, off by default, for the demo (scripts/run) and tests whose receiver runs locally.
 */
class HookDestinationTest {
  @Test
  void only_https_on_port_443_is_accepted_by_default() {
    try (BigCommerceSimulator sim =
        BigCommerceSimulator.start(BigCommerceSimulator.Options.defaults())) {
      SimulatedStore store = sim.createStore(BigCommerceSimulator.StoreSpec.named("dest1"));
      Http api = Http.forStore(sim, store);

      assertThat(hook(api, "https://hooks.example.com/bc")).isEqualTo(200);
      assertThat(hook(api, "https://hooks.example.com:443/bc2")).isEqualTo(200);
      assertThat(hook(api, "https://hooks.example.com:8443/bc")).isEqualTo(422);
      assertThat(hook(api, "http://hooks.example.com/bc")).isEqualTo(422);
      assertThat(hook(api, "http://localhost:8080/webhooks")).isEqualTo(422);
    }
  }

  @Test
  void local_http_is_accepted_only_when_the_simulator_allows_it() {
    try (BigCommerceSimulator sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults().allowLocalHttpHookDestinations(true))) {
      SimulatedStore store = sim.createStore(BigCommerceSimulator.StoreSpec.named("dest2"));
      Http api = Http.forStore(sim, store);

      assertThat(hook(api, "http://localhost:8080/webhooks")).isEqualTo(200);
      assertThat(hook(api, "http://127.0.0.1:8080/webhooks")).isEqualTo(200);
      assertThat(hook(api, "http://hooks.example.com/bc")).isEqualTo(422);
    }
  }

  private static int hook(Http api, String destination) {
    return api.post("/v3/hooks", Map.of("scope", "store/order/created", "destination", destination))
        .status();
  }
}
