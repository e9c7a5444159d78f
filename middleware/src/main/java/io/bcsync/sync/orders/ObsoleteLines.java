package io.bcsync.sync.orders;

import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.SalesforceRecords;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes the Salesforce lines an order no longer has, after its new state is written, and forgets
 * them in the identity map. A line already deleted (a retry after a crash) counts as deleted, so
 * the step converges; one that cannot be deleted retries its order.
 */
final class ObsoleteLines {
  private final SalesforceRecords salesforce;
  private final IdentityMap identities;

  ObsoleteLines(SalesforceRecords salesforce, IdentityMap identities) {
    this.salesforce = salesforce;
    this.identities = identities;
  }

  /** Answers the items whose lines could not all be deleted. */
  Map<Long, Outcome> delete(String storeHash, List<PlannedOrder> written) {
    Map<String, PlannedOrder> orderOfLine = new HashMap<>();
    for (PlannedOrder p : written) {
      p.obsoleteLines().forEach(line -> orderOfLine.put(line.sfId(), p));
    }
    if (orderOfLine.isEmpty()) {
      return Map.of();
    }
    Map<String, RecordError> failed = salesforce.delete(orderOfLine.keySet());
    Map<Long, Outcome> outcomes = new LinkedHashMap<>();
    failed.forEach(
        (lineId, error) -> {
          PlannedOrder p = orderOfLine.get(lineId);
          outcomes.put(
              p.itemId(),
              Outcome.retry(
                  "removed line "
                      + lineId
                      + " of order "
                      + p.work().orderId()
                      + " could not be deleted: "
                      + error.message()));
        });
    List<Identity> deleted =
        written.stream()
            .flatMap(p -> p.obsoleteLines().stream())
            .filter(line -> !failed.containsKey(line.sfId()))
            .toList();
    identities.deleteRecords(storeHash, "order_line", deleted);
    return outcomes;
  }
}
