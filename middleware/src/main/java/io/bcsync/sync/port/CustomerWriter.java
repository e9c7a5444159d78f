package io.bcsync.sync.port;

import java.util.Collection;
import java.util.Map;

/**
 * Port: what the Salesforce → BigCommerce customer flow changes in BigCommerce: existing customers,
 * new customers (only where a store allows it) and the price list a customer group carries.
 * Adapter: {@code io.bcsync.bigcommerce.writing.BigCommerceCustomerWriter}. Every update sets
 * absolute values, so repeating it (after a lost response or a crash before the item was marked
 * done) leaves the store as one successful call would; a creation is made convergent by its caller,
 * which looks the e-mail up first ({@link #customersByEmail}).
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
   * The store's customers with these e-mails (compared case-insensitively), by lower-case e-mail:
   * the lowest id when the store holds an address twice.
   */
  Map<String, Long> customersByEmail(String storeHash, Collection<String> emails);

  /**
   * Creates customers, ten per call (BigCommerce's limit): each with its e-mail, first and last
   * name and the other non-null fields. Answers the new ids by lower-case e-mail and the failures
   * by the same key; a batch BigCommerce refuses (422: one e-mail already in use, one bad value) is
   * split until the refused customer stands alone.
   */
  Created createCustomers(String storeHash, Map<String, CustomerFields> byEmail);

  /** The outcome of {@link #createCustomers}: new ids and failures, by lower-case e-mail. */
  record Created(Map<String, Long> ids, Map<String, StoreWriter.WriteFailure> failed) {}

  /**
   * Makes the price list the one assigned to the customer group on the channel (null: on every
   * channel): nothing when that assignment exists, else the group's other assignments on the
   * channel are removed and this one created. Null when done, else the failure.
   */
  StoreWriter.WriteFailure assignPriceList(
      String storeHash, long customerGroupId, long priceListId, Long channelId);

  /**
   * A customer's fields the flow may write; null: not written (or not held). {@code
   * customerGroupId} is the customer's BigCommerce group (0: none), set from its Contact's segment
   * (U7).
   */
  record CustomerFields(
      String firstName,
      String lastName,
      String phone,
      String company,
      Long customerGroupId,
      String notes,
      String taxExemptCategory) {

    /** Identity fields and the group; notes and tax category are not written. */
    public CustomerFields(
        String firstName, String lastName, String phone, String company, Long customerGroupId) {
      this(firstName, lastName, phone, company, customerGroupId, null, null);
    }

    /** Identity fields only; the group is not written. */
    public CustomerFields(String firstName, String lastName, String phone, String company) {
      this(firstName, lastName, phone, company, null);
    }

    /** The same fields, with this group. */
    public CustomerFields withGroup(Long groupId) {
      return new CustomerFields(
          firstName, lastName, phone, company, groupId, notes, taxExemptCategory);
    }

    /** The same fields, with these notes and tax-exempt category (mapped fields). */
    public CustomerFields withMapped(String notes, String taxExemptCategory) {
      return new CustomerFields(
          firstName, lastName, phone, company, customerGroupId, notes, taxExemptCategory);
    }

    /** The same fields, with these names (a new customer needs both). */
    public CustomerFields withNames(String first, String last) {
      return new CustomerFields(
          first, last, phone, company, customerGroupId, notes, taxExemptCategory);
    }

    /**
     * The named fields ({@code first_name}, {@code last_name}, {@code phone}, {@code company},
     * {@code notes}, {@code tax_exempt_category}, {@code customer_group_id}) as text.
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
        case "notes":
          return notes;
        case "tax_exempt_category":
          return taxExemptCategory;
        default:
          throw new IllegalArgumentException("not a customer field bcsync writes: " + field);
      }
    }
  }
}
