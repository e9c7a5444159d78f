package io.bcsync.pipeline;

import java.util.Objects;

/**
 * The thing a work item is about, for example store {@code abc123}, {@code order} {@code 250}. All events about
 * one entity join one open work item, which is how bursts collapse and per-entity order is kept.
 */
public record EntityRef(String storeHash, String type, String id) {
  public static final int MAX_TYPE_LENGTH = 64;
  public static final int MAX_ID_LENGTH = 128;

  public EntityRef {
    Objects.requireNonNull(storeHash, "storeHash");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    if (type.isEmpty() || type.length() > MAX_TYPE_LENGTH || id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("entity type or id empty or too long");
    }
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
