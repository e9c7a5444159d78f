package io.bcsync.sync.stores;

import java.util.Map;

/** Puts the lookup to the store's {@code BC_Store__c} on the records of objects that have one. */
@FunctionalInterface
public interface StoreLinks {
  /** Links nothing: for an org without {@code BC_Store__c}, and for planners tested alone. */
  StoreLinks NONE = (storeHash, object, fields) -> {};

  void link(String storeHash, String object, Map<String, Object> fields);
}
