package io.bcsync.sim.bigcommerce.store;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** All stores of one simulator, by hash. */
public final class StoreRegistry {
  private final Map<String, StoreRuntime> stores = new ConcurrentHashMap<>();

  public void add(StoreRuntime runtime) {
    if (stores.putIfAbsent(runtime.store().hash(), runtime) != null) {
      throw new IllegalArgumentException("store already exists: " + runtime.store().hash());
    }
  }

  public Optional<StoreRuntime> find(String hash) {
    return Optional.ofNullable(stores.get(hash));
  }

  public Collection<StoreRuntime> all() {
    return stores.values();
  }
}
