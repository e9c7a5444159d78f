package io.bcsync.bench;

import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.sim.salesforce.data.RecordChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark's two phases, measured from the outside: a burst of orders placed at once, timed
 * until the Salesforce simulator holds them all; then a trickle of one order per second, each timed
 * from its placing to its commit in the Salesforce simulator's log.
 */
final class BurstAndTrickle {
  /** What the burst gave: its size, how long Salesforce took to hold it, and whether it did. */
  record BurstResult(
      int orders,
      int lines,
      Duration drain,
      boolean drained,
      int ordersInSalesforce,
      Map<String, Long> salesforceCallsAtDrain) {}

  private final SyncBenchmark.Settings settings;
  private final SalesforceSimulator sf;
  private final OrderPlacement placement;

  BurstAndTrickle(
      SyncBenchmark.Settings settings, SalesforceSimulator sf, OrderPlacement placement) {
    this.settings = settings;
    this.sf = sf;
    this.placement = placement;
  }

  BurstResult burst(MiddlewareProcess middleware, List<OrderPlacement.PlannedOrder> orders)
      throws InterruptedException {
    SyncBenchmark.log("burst: placing %d orders", orders.size());
    int lines = 0;
    Instant start = Instant.now();
    for (OrderPlacement.PlannedOrder order : orders) {
      lines += placement.place(order);
    }
    SyncBenchmark.log(
        "burst placed in %s; waiting for Salesforce", Duration.between(start, Instant.now()));
    Instant deadline = start.plus(settings.drainTimeout());
    int seen = 0;
    while (Instant.now().isBefore(deadline) && middleware.isAlive()) {
      seen = sf.count("Order");
      if (seen >= settings.orders()) {
        break;
      }
      Thread.sleep(500);
    }
    // The calls that drained the burst, for its API floor (the settled counts add the later flush).
    Map<String, Long> callsAtDrain = sf.apiCalls();
    Instant last = lastCommit("Order").orElse(Instant.now());
    boolean drained = seen >= settings.orders();
    SyncBenchmark.log(
        "burst: %d of %d orders in Salesforce after %s",
        seen, settings.orders(), Duration.between(start, last));
    return new BurstResult(
        settings.orders(), lines, Duration.between(start, last), drained, seen, callsAtDrain);
  }

  /** The trickle's latencies in milliseconds, sorted; one per order that reached Salesforce. */
  List<Long> trickle() throws InterruptedException {
    SyncBenchmark.log("trickle: one order per second for %d s", settings.trickleSeconds());
    Map<String, Instant> placedAt = new HashMap<>();
    for (int i = 0; i < settings.trickleSeconds(); i++) {
      Instant now = Instant.now();
      long orderId = placement.placeOrderReturningId();
      placedAt.put(SyncBenchmark.STORE + ":" + orderId, now);
      Thread.sleep(1000);
    }
    Thread.sleep(5000); // the last ones' writes
    List<Long> latencies = new ArrayList<>();
    for (RecordChange change : sf.changes()) {
      if (change.entity().equals("Order")
          && change.changeType() == RecordChange.ChangeType.CREATE) {
        Object key = change.values().get("BC_Order_Id__c");
        Instant placed = key == null ? null : placedAt.get(key.toString());
        if (placed != null) {
          latencies.add(Duration.between(placed, change.commitTimestamp()).toMillis());
        }
      }
    }
    latencies.sort(Long::compare);
    SyncBenchmark.log("trickle: %d of %d orders arrived", latencies.size(), placedAt.size());
    SyncBenchmark.log("trickle latencies (ms, sorted): %s", latencies);
    return latencies;
  }

  private Optional<Instant> lastCommit(String entity) {
    return sf.changes().stream()
        .filter(c -> c.entity().equals(entity))
        .map(RecordChange::commitTimestamp)
        .max(Instant::compareTo);
  }
}
