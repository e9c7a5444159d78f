package io.bcsync.sim.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Customers: the V3 customers and addresses API and the V2 customer groups. */
final class CustomerEndpointChecks {
  private static final String V3_SPEC = "customers.v3.yml";
  private static final String V2_SPEC = "customers.v2.yml";

  private CustomerEndpointChecks() {}

  /** Answers the id of the customer group it created. */
  static long run(SpecResponseChecker checker, long customerId) {
    checker.check(
        V3_SPEC, "GET", "/v3", "/customers?include=addresses&id:in=" + customerId, null, 200);
    checker.check(
        V3_SPEC,
        "GET",
        "/v3",
        "/customers?email:in=spec@example.com&date_modified:min=2020-01-01",
        null,
        200);
    checker.check(
        V3_SPEC,
        "POST",
        "/v3",
        "/customers",
        List.of(Map.of("email", "new@example.com", "first_name", "N", "last_name", "W")),
        200);
    checker.check(
        V3_SPEC,
        "PUT",
        "/v3",
        "/customers",
        List.of(Map.of("id", customerId, "notes", "vip")),
        200);
    checker.check(
        V3_SPEC,
        "POST",
        "/v3",
        "/customers",
        Collections.nCopies(
            11, Map.of("email", "x@example.com", "first_name", "X", "last_name", "Y")),
        413);
    checker.check(V3_SPEC, "GET", "/v3", "/customers/addresses", null, 200);
    JsonNode group =
        checker.check(
            V2_SPEC, "POST", "/v2", "/customer_groups", Map.of("name", "Spec group"), 200);
    long groupId = group.path("id").asLong();
    checker.check(V2_SPEC, "GET", "/v2", "/customer_groups", null, 200);
    checker.check(V2_SPEC, "GET", "/v2", "/customer_groups/" + groupId, null, 200);
    checker.check(
        V2_SPEC, "PUT", "/v2", "/customer_groups/" + groupId, Map.of("name", "Spec group 2"), 200);
    checker.check(V2_SPEC, "GET", "/v2", "/customer_groups/count", null, 200);
    return groupId;
  }
}
