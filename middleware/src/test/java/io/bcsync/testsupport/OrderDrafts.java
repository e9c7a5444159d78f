package io.bcsync.testsupport;

import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.orders.OrderDraft;
import io.bcsync.sim.bigcommerce.store.Address;

/** Orders of registered customers, placed in the BigCommerce simulator by the end-to-end tests. */
public final class OrderDrafts {
  private OrderDrafts() {}

  /**
   * An order of customer {@code customerId} billed to the customer's name and e-mail (postal code
   * 78701), in status {@code statusId}; lines, coupons and the rest are the caller's.
   */
  public static OrderDraft billedTo(
      long customerId, String email, String first, String last, int statusId) {
    OrderDraft draft = new OrderDraft();
    draft.customerId = customerId;
    draft.billing = new Address();
    draft.billing.firstName = first;
    draft.billing.lastName = last;
    draft.billing.email = email;
    draft.billing.zip = "78701";
    draft.statusId = statusId;
    return draft;
  }

  /**
   * Creates a customer and places one order of {@code quantity} of {@code product} for them.
   *
   * @return the order's id
   */
  public static long newCustomerOrder(
      SimulatedStore store,
      String email,
      String first,
      String last,
      int statusId,
      long product,
      int quantity) {
    long customer = store.createCustomer(email, first, last);
    OrderDraft draft = billedTo(customer, email, first, last, statusId);
    draft.addLine(OrderDraft.Line.of(product, quantity));
    return store.createOrder(draft);
  }
}
