package io.bcsync.sync.orders;

import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
  private static final String CONTACT = "ContactId";

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
      List<String> found = inSalesforce.getOrDefault(p.orderKey(), List.of());
      RecordWrite header = withoutContactIfPresent(p, found);
      for (String id : found) {
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
          obsolete.size() == p.obsoleteLines().size() && header == p.header()
              ? p
              : new PlannedOrder(
                  p.work(),
                  p.orderKey(),
                  p.existing(),
                  header,
                  p.lines(),
                  obsolete,
                  p.knownLineIds(),
                  p.draftFirst(),
                  p.activateAfter()));
    }
    return out;
  }

  /**
   * An Opportunity the identity map does not know but whose lines Salesforce has exists already (an
   * earlier attempt's answer was lost): its ContactId, which Salesforce takes on create only
   * (Object Reference, Opportunity), would fail the upsert, so it is not sent; the primary contact
   * stays the one it was created with. One whose lines are not there either is refused once and
   * found by the retry's lookup ({@link OrdersWrittenBefore}).
   */
  private static RecordWrite withoutContactIfPresent(PlannedOrder p, List<String> linesFound) {
    RecordWrite header = p.header();
    if (p.existing() != null || linesFound.isEmpty() || !header.fields().containsKey(CONTACT)) {
      return header;
    }
    Map<String, Object> fields = new LinkedHashMap<>(header.fields());
    fields.remove(CONTACT);
    return RecordWrite.upsert(
        header.workItemId(), header.sobjectType(), OrderObjects.ORDER_KEY, fields);
  }

  private static String shortId(String id) {
    return id.length() > 15 ? id.substring(0, 15) : id;
  }
}
