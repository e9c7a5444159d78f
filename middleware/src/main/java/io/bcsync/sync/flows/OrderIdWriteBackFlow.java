package io.bcsync.sync.flows;

import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.orders.OrderIdWriteBack;
import io.bcsync.sync.port.StoreWriter;
import io.bcsync.sync.routing.Flow;
import io.bcsync.sync.routing.Origin;
import io.bcsync.sync.routing.WorkKind;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the Salesforce id of orders new to bcsync back to their BigCommerce order ({@link
 * OrderIdWriteBack}): the id is read from the identity map, so the write always carries the record
 * the order is linked to now.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class OrderIdWriteBackFlow implements Flow {
  private final IdentityMap identities;
  private final StoreWriter writer;

  public OrderIdWriteBackFlow(IdentityMap identities, StoreWriter writer) {
    this.identities = identities;
    this.writer = writer;
  }

  @Override
  public String name() {
    return "order-id-write-back";
  }

  @Override
  public boolean handles(WorkKind kind) {
    return kind.is(Origin.BIGCOMMERCE, OrderIdWriteBack.ENTITY_TYPE);
  }

  @Override
  public Map<Long, Outcome> run(List<WorkItem> items) {
    Map<Long, Outcome> outcomes = new HashMap<>();
    Map<String, List<WorkItem>> byStore =
        items.stream().collect(Collectors.groupingBy(i -> i.entity().storeHash()));
    byStore.forEach((store, storeItems) -> outcomes.putAll(writeBack(store, storeItems)));
    return outcomes;
  }

  private Map<Long, Outcome> writeBack(String storeHash, List<WorkItem> items) {
    Map<String, Identity> linked =
        identities.find(storeHash, "order", items.stream().map(i -> i.entity().id()).toList());
    Map<Long, Outcome> outcomes = new HashMap<>();
    Map<Long, String> ids = new LinkedHashMap<>();
    Map<Long, WorkItem> itemOfOrder = new HashMap<>();
    for (WorkItem item : items) {
      Identity order = linked.get(item.entity().id());
      if (order == null) {
        // The order's own item saves its link right after enqueueing this one.
        outcomes.put(
            item.id(), Outcome.retry("order " + item.entity().id() + " is not linked yet"));
        continue;
      }
      long orderId = Long.parseLong(item.entity().id());
      ids.put(orderId, order.sfId());
      itemOfOrder.put(orderId, item);
    }
    Map<Long, StoreWriter.WriteFailure> failed = writer.recordSalesforceIds(storeHash, ids);
    itemOfOrder.forEach(
        (orderId, item) -> {
          StoreWriter.WriteFailure failure = failed.get(orderId);
          outcomes.put(
              item.id(),
              failure == null
                  ? Outcome.SUCCESS
                  : failure.retryable()
                      ? Outcome.retry("writing the Salesforce id back: " + failure.message())
                      : Outcome.permanent("writing the Salesforce id back: " + failure.message()));
        });
    return outcomes;
  }
}
