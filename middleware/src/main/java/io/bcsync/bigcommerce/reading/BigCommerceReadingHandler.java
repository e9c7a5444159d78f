package io.bcsync.bigcommerce.reading;

import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.hooks.HookCheck;
import io.bcsync.bigcommerce.stores.ConnectedStore;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.pipeline.LoggingWorkItemHandler;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemHandler;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default processing step: reads each batch's entities from BigCommerce in batch calls and
 * hands them to the {@link FetchedEntityConsumer}. Items of stores that are no longer connected
 * fail permanently (processing stops for uninstalled stores); a delivery-exception callback
 * triggers a hook check of its store. A dedicated {@link WorkItemHandler} bean (the Salesforce
 * writer, a test's) still takes precedence over this one.
 */
@Singleton
@Secondary
@Replaces(LoggingWorkItemHandler.class)
public class BigCommerceReadingHandler implements WorkItemHandler {
  private static final Logger LOG = LoggerFactory.getLogger(BigCommerceReadingHandler.class);

  private final ConnectedStores stores;
  private final BigCommerceClient client;
  private final EntityBatchReader reader;
  private final FetchedEntityConsumer consumer;
  private final HookCheck hookCheck;

  public BigCommerceReadingHandler(
      ConnectedStores stores,
      BigCommerceClient client,
      EntityBatchReader reader,
      FetchedEntityConsumer consumer,
      HookCheck hookCheck) {
    this.stores = stores;
    this.client = client;
    this.reader = reader;
    this.consumer = consumer;
    this.hookCheck = hookCheck;
  }

  @Override
  public Map<Long, Outcome> handle(List<WorkItem> batch) throws Exception {
    Map<Long, Outcome> outcomes = new HashMap<>();
    Map<String, List<WorkItem>> byStore =
        batch.stream()
            .collect(
                Collectors.groupingBy(
                    item -> item.entity().storeHash(), LinkedHashMap::new, Collectors.toList()));
    for (Map.Entry<String, List<WorkItem>> entry : byStore.entrySet()) {
      handleStore(entry.getKey(), entry.getValue(), outcomes);
    }
    return outcomes;
  }

  private void handleStore(String storeHash, List<WorkItem> items, Map<Long, Outcome> outcomes)
      throws Exception {
    Optional<ConnectedStore> store = stores.find(storeHash);
    if (store.isEmpty()) {
      items.forEach(
          item ->
              outcomes.put(
                  item.id(),
                  Outcome.permanent(
                      "store " + storeHash + " is not connected (the app was uninstalled?)")));
      return;
    }
    if (!store.get().hasApiAccess()) {
      LOG.info(
          "Store {} has no API token (webhook-only configuration); {} items marked done unread",
          storeHash,
          items.size());
      items.forEach(item -> outcomes.put(item.id(), Outcome.SUCCESS));
      return;
    }
    List<WorkItem> readable =
        items.stream()
            .filter(item -> EntityBatchReader.READABLE.contains(item.entity().type()))
            .toList();
    for (WorkItem item : items) {
      if (readable.contains(item)) {
        continue;
      }
      if ("webhook".equals(item.entity().type())) {
        // store/hook/deliveryException: BigCommerce is failing to deliver to us; check the hooks
        // right away.
        hookCheck.checkOne(store.get());
      } else {
        LOG.debug("No reader for {} yet; item {} done", item.entity(), item.id());
      }
      outcomes.put(item.id(), Outcome.SUCCESS);
    }
    if (readable.isEmpty()) {
      return;
    }
    List<FetchedEntity> fetched = reader.read(client.forStore(store.get()), readable);
    Map<Long, Outcome> consumed = consumer.accept(storeHash, fetched);
    fetched.forEach(
        entity ->
            outcomes.put(
                entity.item().id(), consumed.getOrDefault(entity.item().id(), Outcome.SUCCESS)));
  }
}
