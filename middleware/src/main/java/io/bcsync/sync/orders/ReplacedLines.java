package io.bcsync.sync.orders;

import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.port.SalesforceRecords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lines of a target whose lines are replaced on every write (OpportunityLineItem has no BigCommerce
 * line key to upsert by): the lines to delete after the new ones are created are read from
 * Salesforce, not only from the identity map. An earlier attempt may have created lines whose
 * answer was lost, or the worker may have stopped before saving their rows; the identity map does
 * not know those, and without this every such retry would leave another copy of the order's lines.
 * One query per 100 orders of the batch, by the orders' external ids.
 */
final class ReplacedLines {
  private ReplacedLines() {}

  static List<PlannedOrder> withLinesInSalesforce(
      SalesforceRecords salesforce,
      String storeHash,
      OrderObjects objects,
      List<PlannedOrder> planned) {
    if (objects.linesUpsert() || planned.isEmpty()) {
      return planned;
    }
    Map<String, List<String>> inSalesforce =
        salesforce.idsByKey(
            objects.line(),
            objects.parentRelationship() + "." + OrderObjects.ORDER_KEY,
            planned.stream().map(PlannedOrder::orderKey).toList());
    List<PlannedOrder> out = new ArrayList<>();
    for (PlannedOrder p : planned) {
      Set<String> known = new HashSet<>();
      p.obsoleteLines().forEach(line -> known.add(shortId(line.sfId())));
      List<Identity> obsolete = new ArrayList<>(p.obsoleteLines());
      for (String id : inSalesforce.getOrDefault(p.orderKey(), List.of())) {
        if (known.add(shortId(id))) {
          // No identity row holds it: keyed by its own id, so forgetting it removes no row.
          obsolete.add(
              new Identity(
                  storeHash,
                  "order_line",
                  id,
                  objects.line(),
                  id,
                  null,
                  String.valueOf(p.work().orderId()),
                  null));
        }
      }
      out.add(
          obsolete.size() == p.obsoleteLines().size()
              ? p
              : new PlannedOrder(
                  p.work(),
                  p.orderKey(),
                  p.existing(),
                  p.header(),
                  p.lines(),
                  obsolete,
                  p.knownLineIds(),
                  p.draftFirst(),
                  p.activateAfter()));
    }
    return out;
  }

  private static String shortId(String id) {
    return id.length() > 15 ? id.substring(0, 15) : id;
  }
}
