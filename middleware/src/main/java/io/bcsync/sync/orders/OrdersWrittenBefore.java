package io.bcsync.sync.orders;

import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.mapping.RecordMappingException;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Orders the identity map does not know, which an earlier attempt of their work item may have
 * written: its answer was lost, or the worker died before saving their rows. Planned as new, such
 * an order would be sent with its price book (refused once it has items) and without going back to
 * Draft first, and an Activated Order refuses its {@code AccountId} and line changes
 * (../shared/reference/salesforce.md E.6, G). So the headers of retried orders unknown to the
 * identity map are looked up by external id, one query per 100 orders, and one found is planned as
 * an existing order. First attempts are not looked up: nothing can have written them before (a
 * redelivered order that was written has its identity row), and the lookup would cost every burst
 * of new orders a query per 100. Lines found existing are resent without their insert-only fields
 * ({@link LinesWrittenBefore}).
 *
 * <p>A first attempt can meet such an order too (its work item's attempts start again when new
 * events join it, or an identity row was lost). When Salesforce refuses the header of an order the
 * identity map does not know, it is looked up then; if it exists, the refusal says nothing about
 * the data, and the item is retried (as an existing order) instead of dead-lettered.
 */
final class OrdersWrittenBefore {
  /**
   * @param existing the identity rows of the orders, by order id
   * @param foundInSalesforce the order ids found only in Salesforce (new to the identity map)
   */
  record Known(Map<String, Identity> existing, Set<String> foundInSalesforce) {}

  private OrdersWrittenBefore() {}

  /**
   * The retries of orders new to the identity map whose header Salesforce refused permanently
   * although it exists.
   */
  static Map<Long, Outcome> refusedButPresent(
      SalesforceRecords salesforce,
      OrderObjects objects,
      List<PlannedOrder> planned,
      WriteReport report) {
    Map<RecordWrite, RecordResult> results = new IdentityHashMap<>();
    report.results().forEach(r -> results.put(r.write(), r));
    Map<String, PlannedOrder> refused = new LinkedHashMap<>();
    for (PlannedOrder p : planned) {
      RecordResult header = results.get(p.header());
      if (p.existing() == null && header != null && !header.success() && !header.retryable()) {
        refused.put(p.orderKey(), p);
      }
    }
    if (refused.isEmpty()) {
      return Map.of();
    }
    Map<Long, Outcome> retries = new LinkedHashMap<>();
    salesforce
        .idsByKey(objects.header(), OrderObjects.ORDER_KEY, refused.keySet())
        .forEach(
            (key, ids) -> {
              PlannedOrder p = refused.get(key);
              retries.put(
                  p.itemId(),
                  Outcome.retry(
                      "order "
                          + p.work().orderId()
                          + " is in Salesforce ("
                          + ids.get(0)
                          + ") although not linked here (an earlier attempt's answer was lost);"
                          + " retried as an existing order: "
                          + results.get(p.header()).errors()));
            });
    return retries;
  }

  static Known find(
      SalesforceRecords salesforce,
      OrderPlanner planner,
      String storeHash,
      OrderObjects objects,
      List<OrderWork> orders,
      Map<String, Identity> existing) {
    Map<String, String> orderIdByKey = new LinkedHashMap<>();
    for (OrderWork work : orders) {
      String id = String.valueOf(work.orderId());
      if (work.attempt() > 1 && !existing.containsKey(id)) {
        try {
          String key = planner.orderKey(storeHash, work);
          if (key != null) {
            orderIdByKey.put(key, id);
          }
        } catch (RecordMappingException | IllegalArgumentException e) {
          // Planning the order reports it.
        }
      }
    }
    if (orderIdByKey.isEmpty()) {
      return new Known(existing, Set.of());
    }
    Map<String, Identity> known = new HashMap<>(existing);
    Set<String> found = new TreeSet<>();
    salesforce
        .idsByKey(objects.header(), OrderObjects.ORDER_KEY, orderIdByKey.keySet())
        .forEach(
            (key, ids) -> {
              String orderId = orderIdByKey.get(key);
              found.add(orderId);
              known.put(
                  orderId,
                  new Identity(
                      storeHash, "order", orderId, objects.header(), ids.get(0), null, null, null));
            });
    return new Known(known, found);
  }
}
