package io.bcsync.sync.orders;

import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.port.RecordWrite;
import java.util.List;
import java.util.Map;

/**
 * An order with its planned Salesforce writes.
 *
 * @param existing the identity row of the order's header before this write, null when new to us
 * @param lines the line writes by BigCommerce line key ({@code store:lineId}), in order
 * @param obsoleteLines lines written before that the order no longer has (or, for Opportunities,
 *     every earlier line: they are replaced)
 * @param knownLineIds the BigCommerce keys of the lines the identity map links already
 * @param draftFirst the Salesforce id of an Order to set back to Draft before its lines are
 *     written, because they change or it is to be activated after them (it may be Activated), or
 *     null
 * @param activateAfter activate once the lines are written (Salesforce will not activate an Order
 *     without items)
 */
record PlannedOrder(
    OrderWork work,
    String orderKey,
    Identity existing,
    RecordWrite header,
    Map<String, RecordWrite> lines,
    List<Identity> obsoleteLines,
    java.util.Set<String> knownLineIds,
    String draftFirst,
    boolean activateAfter) {

  PlannedOrder {
    lines = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lines));
    obsoleteLines = List.copyOf(obsoleteLines);
    knownLineIds = java.util.Set.copyOf(knownLineIds);
  }

  long itemId() {
    return work.itemId();
  }
}
