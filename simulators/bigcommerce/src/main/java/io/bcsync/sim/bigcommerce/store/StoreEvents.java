package io.bcsync.sim.bigcommerce.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where a store reports things that happened to it; the webhook dispatcher listens. */
@FunctionalInterface
public interface StoreEvents {
  StoreEvents NONE = (store, scope, data) -> {};

  void publish(Store store, String scope, ObjectNode data);
}
