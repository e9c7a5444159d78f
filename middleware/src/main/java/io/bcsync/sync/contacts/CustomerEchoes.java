package io.bcsync.sync.contacts;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.contacts.WrittenCustomers.Written;
import io.bcsync.sync.port.CustomerWriter;
import io.bcsync.sync.port.CustomerWriter.CustomerFields;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>No echo of a customer write.</b> A customer the Contact flow writes makes BigCommerce fire
 * {@code store/customer/updated} (a customer it creates, {@code store/customer/created}), which
 * comes back as a customer work item. An item made only of those scopes, whose customer re-read
 * holds exactly the values last written ({@link WrittenCustomers}), is our own write coming back:
 * it ends SKIPPED and is counted in {@code bcsync_sync_echoes_total{side="bigcommerce"}}. An item
 * with another scope (address changes) or whose values differ (the shopper changed them since) goes
 * on as usual.
 */
@Singleton
public class CustomerEchoes {
  static final String CUSTOMER = "customer";
  static final String UPDATED = "store/customer/updated";

  /** A customer created from a Contact ({@link CustomerCreation}) fires this one. */
  static final String CREATED = "store/customer/created";

  private final WrittenCustomers written;
  private final CustomerWriter customers;
  private final MeterRegistry registry;

  public CustomerEchoes(
      WrittenCustomers written, CustomerWriter customers, MeterRegistry registry) {
    this.written = written;
    this.customers = customers;
    this.registry = registry;
  }

  /** Answers the echoes among the store's items, each SKIPPED with the reason. */
  public Map<Long, Outcome> echoes(String storeHash, List<WorkItem> items) {
    Map<Long, Outcome> echoes = new HashMap<>();
    Map<Long, WorkItem> candidates = new HashMap<>();
    for (WorkItem item : items) {
      if (CUSTOMER.equals(item.entity().type())
          && !item.scopes().isEmpty()
          && item.scopes().stream().allMatch(s -> UPDATED.equals(s) || CREATED.equals(s))
          && item.entity().id().matches("\\d{1,18}")) {
        candidates.put(Long.parseLong(item.entity().id()), item);
      }
    }
    if (candidates.isEmpty()) {
      return echoes;
    }
    Map<Long, Written> ours = written.of(storeHash, candidates.keySet());
    if (ours.isEmpty()) {
      return echoes;
    }
    Map<Long, CustomerFields> now = customers.customers(storeHash, ours.keySet());
    ours.forEach(
        (customerId, values) -> {
          if (values.heldBy(now.get(customerId))) {
            echoes.put(
                candidates.get(customerId).id(),
                Outcome.skipped(
                    "an echo of bcsync's own customer write: the store holds what we wrote"));
            registry.counter("bcsync.sync.echoes", "side", "bigcommerce").increment();
          }
        });
    return echoes;
  }
}
