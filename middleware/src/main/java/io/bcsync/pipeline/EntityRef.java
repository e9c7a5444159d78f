package io.bcsync.pipeline;

import java.util.Objects;

/**
 * The thing a work item is about, for example store {@code abc123}, {@code order} {@code 250}. All
 * events about one entity join one open work item, which is how bursts collapse and per-entity
 * order is kept.
 *
 * <p>{@code storeHash} is the tenant the entity lives in: a BigCommerce store hash ({@code
 * [a-z0-9]}), or {@code sf:<orgId>} for a Salesforce record ({@link #salesforce}). The prefix
 * cannot occur in a store hash, so keys of the two sources never collide, and the column stays what
 * it was for webhook-originated work.
 */
public record EntityRef(String storeHash, String type, String id) {
  public static final int MAX_TYPE_LENGTH = 64;
  public static final int MAX_ID_LENGTH = 128;
  public static final String SALESFORCE_PREFIX = "sf:";

  public EntityRef {
    Objects.requireNonNull(storeHash, "storeHash");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    if (type.isEmpty()
        || type.length() > MAX_TYPE_LENGTH
        || id.isEmpty()
        || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("entity type or id empty or too long");
    }
  }

  /**
   * A Salesforce record (or other Salesforce-side entity) in org {@code orgId}, e.g. {@code Contact
   * 003...}.
   */
  public static EntityRef salesforce(String orgId, String type, String id) {
    return new EntityRef(SALESFORCE_PREFIX + orgId, type, id);
  }

  public boolean isSalesforce() {
    return storeHash.startsWith(SALESFORCE_PREFIX);
  }

  /** Unique key of the entity across stores; stored as the open item's {@code open_key}. */
  public String key() {
    return storeHash + "|" + type + "|" + id;
  }

  @Override
  public String toString() {
    return key();
  }
}
