package io.bcsync.sync.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sync.mapping.SourceDocuments;
import io.bcsync.sync.matching.CustomerProfile;
import io.bcsync.sync.matching.CustomerProfiles;
import java.util.Locale;
import java.util.Optional;

/**
 * A customer as one work item sees it: a registered customer (from its V3 record, or from an
 * order's billing address until that record is read) or a guest checkout, identified by a key that
 * is stable across batches: {@code customer:<id>} or {@code guest:<HMAC of the trimmed, lower-cased
 * e-mail>} ({@link GuestKeys}: no e-mail address lands in keys, logs or the admin API, and a key
 * cannot be reversed without the server's secret).
 *
 * @param bcType {@code customer} or {@code guest}: the identity map's type
 * @param document the mapper's customer document ({@link SourceDocuments})
 * @param fromCustomerRecord true when the document is the V3 customer, false when built from an
 *     order
 * @param modifiedMs the V3 customer's date_modified (epoch ms), null when built from an order
 * @param legacyBcId a guest's id from before guest keys were keyed ({@link GuestKeys#legacyIdOf}),
 *     under which it may still be linked; null otherwise
 */
public record CustomerRef(
    String bcType,
    String bcId,
    String label,
    CustomerProfile profile,
    JsonNode document,
    boolean fromCustomerRecord,
    Long modifiedMs,
    String legacyBcId) {

  public String key() {
    return bcType + ":" + bcId;
  }

  public boolean isGuest() {
    return "guest".equals(bcType);
  }

  /** Upsert key of the customer's own (household) Account: BC_Account_Key__c. */
  public String accountKey(String storeHash) {
    return storeHash + ":" + bcType + ":" + bcId;
  }

  public static CustomerRef ofCustomer(String storeHash, JsonNode customer, Long modifiedMs) {
    CustomerProfile profile = CustomerProfiles.fromCustomer(storeHash, customer);
    String id = String.valueOf(customer.path("id").asLong());
    return new CustomerRef(
        "customer",
        id,
        "customer " + id,
        profile,
        SourceDocuments.customer(storeHash, customer),
        true,
        modifiedMs,
        null);
  }

  /** As {@link #ofOrder(String, JsonNode, GuestKeys)} with the legacy guest keys: for tests. */
  public static Optional<CustomerRef> ofOrder(String storeHash, JsonNode order) {
    return ofOrder(storeHash, order, GuestKeys.LEGACY);
  }

  /**
   * The order's customer; empty for a guest checkout without a billing e-mail (nothing to match or
   * key on).
   */
  public static Optional<CustomerRef> ofOrder(String storeHash, JsonNode order, GuestKeys keys) {
    CustomerProfile profile = CustomerProfiles.fromOrder(storeHash, order);
    ObjectNode document = SourceDocuments.guestCustomer(storeHash, order);
    long customerId = order.path("customer_id").asLong(0);
    if (customerId > 0) {
      // The registered customer as the order knows it, until its own record is read (customer
      // webhook).
      ((ObjectNode) document.path("customer")).put("id", customerId);
      return Optional.of(
          new CustomerRef(
              "customer",
              String.valueOf(customerId),
              "customer " + customerId,
              profile,
              document,
              false,
              null,
              null));
    }
    String email =
        order.path("billing_address").path("email").asText("").trim().toLowerCase(Locale.ROOT);
    if (email.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CustomerRef(
            "guest",
            keys.idOf(email),
            "guest order " + order.path("id").asText(),
            profile,
            document,
            false,
            null,
            keys.legacyIdOf(email).orElse(null)));
  }

  /**
   * The same customer under its legacy guest id: how it was keyed before guest keys had a secret.
   */
  public CustomerRef asLegacy() {
    return new CustomerRef(
        bcType, legacyBcId, label, profile, document, fromCustomerRecord, modifiedMs, null);
  }
}
