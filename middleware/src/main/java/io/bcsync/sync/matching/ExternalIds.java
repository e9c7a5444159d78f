package io.bcsync.sync.matching;

/**
 * Store-qualified external ids, so that several BigCommerce stores can share one org without their
 * numeric ids colliding (see the descriptions of the BC_*_Id__c fields in sfdx-package).
 */
public final class ExternalIds {
  /** The Contact and Lead field that holds {@link #customer}. */
  public static final String CUSTOMER_FIELD = "BC_Customer_Id__c";

  private ExternalIds() {}

  public static String customer(String storeHash, long customerId) {
    return qualified(storeHash, customerId);
  }

  public static String order(String storeHash, long orderId) {
    return qualified(storeHash, orderId);
  }

  /**
   * The store a store-qualified external id names ({@code abc123} of {@code abc123:42}), or null
   * for a value without one (typed by a person, or empty).
   */
  public static String storeOf(String externalId) {
    if (externalId == null) {
      return null;
    }
    int colon = externalId.indexOf(':');
    return colon > 0 ? externalId.substring(0, colon).strip() : null;
  }

  private static String qualified(String storeHash, long id) {
    if (storeHash == null || storeHash.isBlank()) {
      throw new IllegalArgumentException("store hash is required for an external id");
    }
    if (id <= 0) {
      throw new IllegalArgumentException("BigCommerce ids are positive; got " + id);
    }
    return storeHash + ":" + id;
  }
}
