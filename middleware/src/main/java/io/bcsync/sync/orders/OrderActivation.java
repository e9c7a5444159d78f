package io.bcsync.sync.orders;

import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status changes around an Order's lines ({@code orders.activate_on_status}): back to Draft
 * before its lines change, Activated after they are written. Each is one batched call for the whole
 * batch and answers only the items whose change failed.
 */
final class OrderActivation {
  private final SalesforceRecords salesforce;

  OrderActivation(SalesforceRecords salesforce) {
    this.salesforce = salesforce;
  }

  /** Sets the orders planned to go through Draft back to Draft; answers the failures. */
  Map<Long, Outcome> revertToDraft(List<PlannedOrder> planned) {
    List<RecordWrite> drafts = new ArrayList<>();
    for (PlannedOrder p : planned) {
      if (p.draftFirst() != null) {
        drafts.add(
            RecordWrite.update(
                p.itemId(), "Order", Map.of("Id", p.draftFirst(), "Status", "Draft")));
      }
    }
    return failures(drafts);
  }

  /** Activates the written orders planned to be activated after their lines; answers failures. */
  Map<Long, Outcome> activate(List<PlannedOrder> written) {
    List<RecordWrite> activations = new ArrayList<>();
    for (PlannedOrder p : written) {
      if (p.activateAfter()) {
        activations.add(
            RecordWrite.upsert(
                p.itemId(),
                "Order",
                OrderObjects.ORDER_KEY,
                Map.of(OrderObjects.ORDER_KEY, p.orderKey(), "Status", "Activated")));
      }
    }
    return failures(activations);
  }

  private Map<Long, Outcome> failures(List<RecordWrite> writes) {
    Map<Long, Outcome> failed = new LinkedHashMap<>();
    if (writes.isEmpty()) {
      return failed;
    }
    salesforce
        .write(writes)
        .outcomes()
        .forEach(
            (item, outcome) -> {
              if (outcome instanceof Outcome.Failure) {
                failed.put(item, outcome);
              }
            });
    return failed;
  }
}
