package io.bcsync.sync.flows;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.port.StoreReader;
import io.bcsync.sync.port.StoreReader.StoreDocument;
import io.bcsync.sync.port.StoreReader.StoreProduct;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One store's share of a batch, read from BigCommerce in batch calls (one per type, as the API
 * allows) and sorted: customers and orders to write, product categories to remember, and the items
 * that need nothing (gone from the store, not an order yet, not a BigCommerce id).
 *
 * @param customers the read customer documents, by work item
 * @param orders the read order documents that are real orders, by work item
 * @param productCategories category ids of every product item (empty for a product gone)
 * @param settled outcomes of the items that need no further work
 */
record StoreBatch(
    Map<WorkItem, StoreDocument> customers,
    Map<WorkItem, StoreDocument> orders,
    Map<Long, List<Long>> productCategories,
    Map<Long, Outcome> settled) {

  static StoreBatch read(StoreReader reader, String storeHash, List<WorkItem> items) {
    Map<Long, Outcome> settled = new HashMap<>();
    Map<String, Map<Long, WorkItem>> byType = new HashMap<>();
    for (WorkItem item : items) {
      String id = item.entity().id();
      if (!id.matches("\\d{1,18}")) {
        settled.put(
            item.id(), Outcome.skipped("'" + id + "' is not a BigCommerce id: nothing to read"));
      } else {
        byType
            .computeIfAbsent(item.entity().type(), t -> new LinkedHashMap<>())
            .put(Long.parseLong(id), item);
      }
    }
    Map<Long, WorkItem> customerItems = byType.getOrDefault("customer", Map.of());
    Map<Long, WorkItem> orderItems = byType.getOrDefault("order", Map.of());
    Map<Long, WorkItem> productItems = byType.getOrDefault("product", Map.of());
    Map<WorkItem, StoreDocument> customers =
        present(customerItems, reader.customers(storeHash, customerItems.keySet()), settled);
    Map<WorkItem, StoreDocument> orders = new LinkedHashMap<>();
    present(orderItems, reader.orders(storeHash, orderItems.keySet()), settled)
        .forEach(
            (item, order) -> {
              if (order.json().path("status_id").asInt() == 0) {
                settled.put(
                    item.id(),
                    Outcome.skipped(
                        "order " + order.id() + " is incomplete (status 0): not an order yet"));
              } else {
                orders.put(item, order);
              }
            });
    Map<Long, List<Long>> categories = new HashMap<>();
    Map<Long, StoreProduct> products = reader.products(storeHash, productItems.keySet());
    productItems.forEach(
        (id, item) -> {
          StoreProduct product = products.get(id);
          // A product gone from the catalog is remembered with no categories.
          categories.put(id, product == null ? List.of() : product.categoryIds());
          settled.put(item.id(), Outcome.SUCCESS);
        });
    return new StoreBatch(customers, orders, categories, settled);
  }

  /** The documents of the items still in the store; the others are settled as gone. */
  private static Map<WorkItem, StoreDocument> present(
      Map<Long, WorkItem> items, Map<Long, StoreDocument> read, Map<Long, Outcome> settled) {
    Map<WorkItem, StoreDocument> present = new LinkedHashMap<>();
    items.forEach(
        (id, item) -> {
          StoreDocument document = read.get(id);
          if (document == null) {
            // Deletions are not propagated: Salesforce keeps the history of what was sold.
            settled.put(
                item.id(),
                Outcome.skipped(
                    item.entity().type()
                        + " "
                        + id
                        + " no longer exists in BigCommerce; deletions are not propagated"));
          } else {
            present.put(item, document);
          }
        });
    return present;
  }
}
