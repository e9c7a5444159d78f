package io.bcsync.sync.port;

import java.util.Collection;
import java.util.Map;

/**
 * Port: what the Salesforce → BigCommerce customer flow changes on existing BigCommerce customers.
 * Adapter: {@code io.bcsync.bigcommerce.writing.BigCommerceCustomerWriter}. It never creates a
 * customer. Every write sets absolute values, so repeating it (after a lost response or a crash
 * before the item was marked done) leaves the store as one successful call would.
 */
public interface CustomerWriter {

  /**
   * Sets the given fields of each customer (a null field keeps its value), ten customers per call;
   * answers the customers whose write failed, a customer absent from the answer was written.
   */
  Map<Long, StoreWriter.WriteFailure> updateCustomers(
      String storeHash, Map<Long, CustomerFields> fields);

  /** These customers as the store holds them now; customers that do not exist are absent. */
  Map<Long, CustomerFields> customers(String storeHash, Collection<Long> customerIds);

  /**
   * A customer's fields the flow may write; null: not written (or not held). {@code
   * customerGroupId} is the customer's BigCommerce group (0: none), set from its Contact's segment
   * (U7).
   */
  record CustomerFields(
      String firstName, String lastName, String phone, String company, Long customerGroupId) {

    /** Identity fields only; the group is not written. */
    public CustomerFields(String firstName, String lastName, String phone, String company) {
      this(firstName, lastName, phone, company, null);
    }

    /** The same fields, with this group. */
    public CustomerFields withGroup(Long groupId) {
      return new CustomerFields(firstName, lastName, phone, company, groupId);
    }

    /**
     * The named fields ({@code first_name}, {@code last_name}, {@code phone}, {@code company},
     * {@code customer_group_id}) as text.
     */
    public String get(String field) {
      switch (field) {
        case "customer_group_id":
          return customerGroupId == null ? null : String.valueOf(customerGroupId);
        case "first_name":
          return firstName;
        case "last_name":
          return lastName;
        case "phone":
          return phone;
        case "company":
          return company;
        default:
          throw new IllegalArgumentException("not a customer field bcsync writes: " + field);
      }
    }
  }
}
