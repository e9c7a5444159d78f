package io.bcsync.sim.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Orders: the V2 orders API and the V3 transactions, refunds and order metafields. */
final class OrderEndpointChecks {
  private static final String V2_SPEC = "orders.v2.oas2.yml";
  private static final String V3_SPEC = "orders.v3.yml";

  private OrderEndpointChecks() {}

  static void run(SpecResponseChecker checker, ContractFixture fixture) {
    v2Orders(checker, fixture);
    v3Orders(checker, fixture);
  }

  private static void v2Orders(SpecResponseChecker checker, ContractFixture fixture) {
    long orderId = fixture.orderId();
    long lineId = fixture.lineId();
    long addressId = fixture.addressId();
    long productId = fixture.productId();
    checker.check(V2_SPEC, "GET", "/v2", "/orders", null, 200);
    checker.check(
        V2_SPEC,
        "GET",
        "/v2",
        "/orders?min_id=1&sort=date_modified:desc&limit=250&include=consignments.line_items&consignment_structure=object",
        null,
        200);
    checker.check(V2_SPEC, "GET", "/v2", "/orders/" + orderId, null, 200);
    checker.check(
        V2_SPEC,
        "GET",
        "/v2",
        "/orders/" + orderId + "?include=consignments.line_items&consignment_structure=object",
        null,
        200);
    checker.check(V2_SPEC, "GET", "/v2", "/orders/" + orderId + "/products", null, 200);
    checker.check(V2_SPEC, "GET", "/v2", "/orders/" + orderId + "/products/" + lineId, null, 200);
    checker.check(V2_SPEC, "GET", "/v2", "/orders/" + orderId + "/shipping_addresses", null, 200);
    checker.check(
        V2_SPEC,
        "GET",
        "/v2",
        "/orders/" + orderId + "/shipping_addresses/" + addressId,
        null,
        200);
    checker.check(V2_SPEC, "GET", "/v2", "/orders/" + orderId + "/coupons", null, 200);
    checker.check(V2_SPEC, "GET", "/v2", "/orders/" + orderId + "/consignments", null, 200);
    checker.check(V2_SPEC, "GET", "/v2", "/orders/count", null, 200);
    checker.check(V2_SPEC, "GET", "/v2", "/order_statuses", null, 200);
    checker.check(V2_SPEC, "GET", "/v2", "/order_statuses/11", null, 200);
    checker.check(V2_SPEC, "PUT", "/v2", "/orders/" + orderId, Map.of("status_id", 9), 200);
    checker.check(
        V2_SPEC,
        "POST",
        "/v2",
        "/orders",
        Map.of(
            "billing_address",
            Map.of(
                "first_name",
                "A",
                "last_name",
                "B",
                "street_1",
                "1 St",
                "city",
                "Austin",
                "state",
                "Texas",
                "zip",
                "78701",
                "country",
                "United States",
                "country_iso2",
                "US",
                "email",
                "a@example.com"),
            "products",
            List.of(Map.of("product_id", productId, "quantity", 1))),
        200);
  }

  private static void v3Orders(SpecResponseChecker checker, ContractFixture fixture) {
    long orderId = fixture.orderId();
    long refundId = fixture.refundId();
    checker.check(V3_SPEC, "GET", "/v3", "/orders/" + orderId + "/transactions", null, 200);
    checker.check(
        V3_SPEC,
        "POST",
        "/v3",
        "/orders/" + orderId + "/payment_actions/refund_quotes",
        Map.of("items", List.of(Map.of("item_type", "ORDER", "item_id", orderId, "amount", 1.0))),
        201);
    checker.check(
        V3_SPEC,
        "POST",
        "/v3",
        "/orders/" + orderId + "/payment_actions/refunds",
        Map.of(
            "items",
            List.of(Map.of("item_type", "ORDER", "item_id", orderId, "amount", 1.0)),
            "payments",
            List.of(Map.of("provider_id", "storecredit", "amount", 1.0, "offline", true))),
        201);
    checker.check(
        V3_SPEC, "GET", "/v3", "/orders/" + orderId + "/payment_actions/refunds", null, 200);
    checker.check(
        V3_SPEC, "GET", "/v3", "/orders/payment_actions/refunds?order_id:in=" + orderId, null, 200);
    checker.check(V3_SPEC, "GET", "/v3", "/orders/payment_actions/refunds/" + refundId, null, 200);
    JsonNode mf =
        checker.check(
            V3_SPEC,
            "POST",
            "/v3",
            "/orders/" + orderId + "/metafields",
            Map.of(
                "namespace",
                "bcsync",
                "key",
                "sf_id",
                "value",
                "801",
                "permission_set",
                "app_only"),
            200);
    long mfId = mf.path("data").path("id").asLong();
    checker.check(V3_SPEC, "GET", "/v3", "/orders/" + orderId + "/metafields", null, 200);
    checker.check(V3_SPEC, "GET", "/v3", "/orders/" + orderId + "/metafields/" + mfId, null, 200);
    checker.check(
        V3_SPEC, "GET", "/v3", "/orders/metafields?namespace=bcsync&key=sf_id", null, 200);
    checker.check(
        V3_SPEC,
        "PUT",
        "/v3",
        "/orders/" + orderId + "/metafields/" + mfId,
        Map.of("value", "802"),
        200);
    checker.check(
        V3_SPEC, "DELETE", "/v3", "/orders/" + orderId + "/metafields/" + mfId, null, 204);
  }
}
