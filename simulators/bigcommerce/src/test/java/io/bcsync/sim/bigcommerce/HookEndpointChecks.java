package io.bcsync.sim.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Webhooks: the V3 hooks API, including the admin e-mails and a refused create. */
final class HookEndpointChecks {
  private static final String SPEC = "webhooks.v3.yml";

  private HookEndpointChecks() {}

  /** Creates a hook delivering to {@code receiver}, reads and changes it; answers its id. */
  static long createAndChange(SpecResponseChecker checker, CallbackReceiver receiver) {
    JsonNode hook =
        checker.check(
            SPEC,
            "POST",
            "/v3",
            "/hooks",
            Map.of(
                "scope",
                "store/order/*",
                "destination",
                receiver.url("/h"),
                "is_active",
                true,
                "headers",
                Map.of("X-S", "1")),
            200);
    long hookId = hook.path("data").path("id").asLong();
    checker.check(SPEC, "GET", "/v3", "/hooks", null, 200);
    checker.check(SPEC, "GET", "/v3", "/hooks/" + hookId, null, 200);
    checker.check(SPEC, "PUT", "/v3", "/hooks/" + hookId, Map.of("is_active", true), 200);
    checker.check(SPEC, "GET", "/v3", "/hooks/admin", null, 200);
    checker.check(
        SPEC, "PUT", "/v3", "/hooks/admin", Map.of("emails", List.of("ops@example.com")), 204);
    checker.check(SPEC, "POST", "/v3", "/hooks", Map.of("destination", receiver.url("/h")), 422);
    return hookId;
  }

  static void delete(SpecResponseChecker checker, long hookId) {
    checker.check(SPEC, "DELETE", "/v3", "/hooks/" + hookId, null, 200);
  }
}
