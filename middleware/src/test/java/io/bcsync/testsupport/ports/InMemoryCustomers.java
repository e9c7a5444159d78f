package io.bcsync.testsupport.ports;

import io.bcsync.sync.port.CustomerWriter;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link CustomerWriter} port in memory: customers per store, every update call recorded. Like
 * BigCommerce, an update of a customer that does not exist fails (permanently) and a null field
 * keeps its value; {@link #loseNextAnswer()} commits the next call, then throws as a lost answer.
 */
public final class InMemoryCustomers implements CustomerWriter {
  public record Call(String storeHash, Map<Long, CustomerFields> fields) {}

  private final Map<String, Map<Long, CustomerFields>> stores = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private boolean loseNext;

  public synchronized void customer(String storeHash, long id, CustomerFields fields) {
    stores.computeIfAbsent(storeHash, s -> new HashMap<>()).put(id, fields);
  }

  public synchronized CustomerFields get(String storeHash, long id) {
    return stores.getOrDefault(storeHash, Map.of()).get(id);
  }

  public synchronized void loseNextAnswer() {
    loseNext = true;
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public synchronized Map<Long, WriteFailure> updateCustomers(
      String storeHash, Map<Long, CustomerFields> fields) {
    calls.add(new Call(storeHash, new LinkedHashMap<>(fields)));
    Map<Long, WriteFailure> failed = new LinkedHashMap<>();
    Map<Long, CustomerFields> store = stores.computeIfAbsent(storeHash, s -> new HashMap<>());
    fields.forEach(
        (id, f) -> {
          CustomerFields old = store.get(id);
          if (old == null) {
            failed.put(id, new WriteFailure("Customer " + id + " does not exist.", false));
            return;
          }
          store.put(
              id,
              new CustomerFields(
                  f.firstName() == null ? old.firstName() : f.firstName(),
                  f.lastName() == null ? old.lastName() : f.lastName(),
                  f.phone() == null ? old.phone() : f.phone(),
                  f.company() == null ? old.company() : f.company(),
                  f.customerGroupId() == null ? old.customerGroupId() : f.customerGroupId()));
        });
    if (loseNext) {
      loseNext = false;
      throw new IllegalStateException("the answer was lost (the write was done)");
    }
    return failed;
  }

  @Override
  public synchronized Map<Long, CustomerFields> customers(
      String storeHash, Collection<Long> customerIds) {
    Map<Long, CustomerFields> found = new LinkedHashMap<>();
    Map<Long, CustomerFields> store = stores.getOrDefault(storeHash, Map.of());
    customerIds.stream().filter(store::containsKey).forEach(id -> found.put(id, store.get(id)));
    return found;
  }
}
