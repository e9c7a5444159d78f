package io.bcsync.sim.bigcommerce;

import io.bcsync.sim.bigcommerce.orders.OrderDraft;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the endpoint contract walk starts from: a customer with an address, a product, a coupon, an
 * order for the product using the coupon, and a refund of that order.
 */
record ContractFixture(
    long customerId, long productId, long orderId, long lineId, long addressId, long refundId) {

  static ContractFixture seed(SimulatedStore store) {
    long customerId =
        store.createCustomer(
            Http.JSON
                .createObjectNode()
                .put("email", "spec@example.com")
                .put("first_name", "S")
                .put("last_name", "P")
                .set(
                    "addresses",
                    Http.JSON.valueToTree(
                        List.of(
                            Map.of(
                                "first_name",
                                "S",
                                "last_name",
                                "P",
                                "address1",
                                "1 St",
                                "city",
                                "Austin",
                                "country_code",
                                "US",
                                "postal_code",
                                "78701",
                                "state_or_province",
                                "Texas")))));
    long productId = store.createProduct("Spec mug", "SPEC-MUG", new BigDecimal("10.00"));
    store.createCoupon("SPEC10", 3, new BigDecimal("10"));
    OrderDraft draft = new OrderDraft();
    draft.customerId = customerId;
    draft.billing.email = "spec@example.com";
    draft.couponCode = "SPEC10";
    draft.addLine(OrderDraft.Line.of(productId, 2));
    long orderId = store.createOrder(draft);
    long lineId = store.read(s -> s.orders.get(orderId).lines.get(0).id);
    long addressId = store.read(s -> s.orders.get(orderId).shippingAddresses.get(0).id);
    long refundId = store.refund(orderId, new BigDecimal("1.00"));
    return new ContractFixture(customerId, productId, orderId, lineId, addressId, refundId);
  }
}
