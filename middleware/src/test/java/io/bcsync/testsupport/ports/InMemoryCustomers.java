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
  private final Map<String, Map<String, Long>> emails = new HashMap<>();
  private final List<Map<String, CustomerFields>> creations = new ArrayList<>();
  private final Map<String, Map<Long, Long>> assignments = new HashMap<>();
  private int assignmentCalls;
  private long nextId = 1000;
  private boolean loseNext;

  public synchronized void customer(String storeHash, long id, CustomerFields fields) {
    stores.computeIfAbsent(storeHash, s -> new HashMap<>()).put(id, fields);
  }

  /** A customer with an e-mail (the creation tests look customers up by it). */
  public synchronized void customer(
      String storeHash, long id, String email, CustomerFields fields) {
    customer(storeHash, id, fields);
    emails
        .computeIfAbsent(storeHash, s -> new HashMap<>())
        .put(email.toLowerCase(java.util.Locale.ROOT), id);
  }

  /** The store's customer with this e-mail, if any. */
  public synchronized Long idOf(String storeHash, String email) {
    return emails.getOrDefault(storeHash, Map.of()).get(email.toLowerCase(java.util.Locale.ROOT));
  }

  /** Every create call, in order: the customers it asked for by e-mail. */
  public synchronized List<Map<String, CustomerFields>> creations() {
    return List.copyOf(creations);
  }

  /** The price list assigned to each customer group of a store (on the one channel modelled). */
  public synchronized Map<Long, Long> assignments(String storeHash) {
    return Map.copyOf(assignments.getOrDefault(storeHash, Map.of()));
  }

  /** How often {@link #assignPriceList} was asked. */
  public synchronized int assignmentCalls() {
    return assignmentCalls;
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
                  f.customerGroupId() == null ? old.customerGroupId() : f.customerGroupId(),
                  f.notes() == null ? old.notes() : f.notes(),
                  f.taxExemptCategory() == null ? old.taxExemptCategory() : f.taxExemptCategory()));
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

  @Override
  public synchronized Map<String, Long> customersByEmail(
      String storeHash, Collection<String> wanted) {
    Map<String, Long> found = new LinkedHashMap<>();
    Map<String, Long> store = emails.getOrDefault(storeHash, Map.of());
    wanted.stream()
        .map(e -> e.toLowerCase(java.util.Locale.ROOT))
        .filter(store::containsKey)
        .forEach(e -> found.put(e, store.get(e)));
    return found;
  }

  /** Like BigCommerce: an e-mail already in use is refused; first and last name are required. */
  @Override
  public synchronized Created createCustomers(
      String storeHash, Map<String, CustomerFields> byEmail) {
    creations.add(new LinkedHashMap<>(byEmail));
    Map<String, Long> ids = new LinkedHashMap<>();
    Map<String, WriteFailure> failed = new LinkedHashMap<>();
    byEmail.forEach(
        (email, f) -> {
          if (idOf(storeHash, email) != null) {
            failed.put(email, new WriteFailure("The email address is already in use.", false));
          } else if (f.firstName() == null || f.lastName() == null) {
            failed.put(email, new WriteFailure("first_name and last_name are required", false));
          } else {
            long id = ++nextId;
            customer(storeHash, id, email, f);
            ids.put(email.toLowerCase(java.util.Locale.ROOT), id);
          }
        });
    if (loseNext) {
      loseNext = false;
      throw new IllegalStateException("the answer was lost (the customers were created)");
    }
    return new Created(ids, failed);
  }

  @Override
  public synchronized WriteFailure assignPriceList(
      String storeHash, long customerGroupId, long priceListId, Long channelId) {
    assignmentCalls++;
    assignments.computeIfAbsent(storeHash, s -> new HashMap<>()).put(customerGroupId, priceListId);
    return null;
  }
}
