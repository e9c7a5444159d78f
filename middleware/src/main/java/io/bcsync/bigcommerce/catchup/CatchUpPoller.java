package io.bcsync.bigcommerce.catchup;

import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.client.StoreClient;
import io.bcsync.bigcommerce.reading.EntityVersions;
import io.bcsync.bigcommerce.stores.ConnectedStore;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.config.BigCommerceAppConfig;
import io.bcsync.pipeline.BulkIntake;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.IncomingEvent;
import io.bcsync.pipeline.IntakeResult;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds changes webhooks did not bring (hooks deactivated, deliveries lost, bcsync stopped) by
 * asking each store for orders, customers and products modified - and refunds created - since a
 * stored high-water mark, reaching back {@code catch-up-overlap} further for changes committed late
 * or clocks that disagree. Every change becomes an event in the same pipeline as webhooks: it joins
 * the entity's open work item if there is one, so it collapses with webhook events; a change whose
 * version was already read is skipped.
 */
@Singleton
public class CatchUpPoller {
  private static final Logger LOG = LoggerFactory.getLogger(CatchUpPoller.class);

  private final ConnectedStores stores;
  private final BigCommerceClient client;
  private final SyncCursors cursors;
  private final EntityVersions versions;
  private final BulkIntake intake;
  private final BigCommerceAppConfig config;
  private final Clock clock;
  private final MeterRegistry registry;

  public CatchUpPoller(
      ConnectedStores stores,
      BigCommerceClient client,
      SyncCursors cursors,
      EntityVersions versions,
      BulkIntake intake,
      BigCommerceAppConfig config,
      Clock clock,
      MeterRegistry registry) {
    this.stores = stores;
    this.client = client;
    this.cursors = cursors;
    this.versions = versions;
    this.intake = intake;
    this.config = config;
    this.clock = clock;
    this.registry = registry;
  }

  /** A change found by the poll: the entity and when BigCommerce says it changed. */
  record Change(String entityType, long id, Instant modified) {}

  /**
   * Polls every store with API access; a failing store is logged and counted, the others still run.
   */
  public Map<String, Integer> pollAll() {
    Map<String, Integer> enqueued = new LinkedHashMap<>();
    for (ConnectedStore store : stores.withApiAccess()) {
      try {
        enqueued.put(store.storeHash(), poll(store));
      } catch (RuntimeException e) {
        registry
            .counter("bcsync.bigcommerce.catch_up_failures", "store", store.storeHash())
            .increment();
        LOG.warn(
            "Store {}: catch-up poll failed, the next run retries from the same mark: {}",
            store.storeHash(),
            e.getMessage());
      }
    }
    return enqueued;
  }

  /** Polls one store; returns how many changes were handed to the pipeline. */
  public int poll(ConnectedStore store) {
    StoreClient api = client.forStore(store);
    int total = 0;
    total +=
        pollResource(
            store,
            "orders",
            (since, found) ->
                api.orders()
                    .modifiedSince(
                        since, o -> found.accept(new Change("order", o.id(), o.dateModified()))));
    total +=
        pollResource(
            store,
            "customers",
            (since, found) ->
                api.customers()
                    .modifiedSince(
                        since,
                        c -> found.accept(new Change("customer", c.id(), c.dateModified()))));
    total +=
        pollResource(
            store,
            "products",
            (since, found) ->
                api.catalog()
                    .modifiedSince(
                        since, p -> found.accept(new Change("product", p.id(), p.dateModified()))));
    // A refund changes its order; refunds are listed by creation time.
    total +=
        pollResource(
            store,
            "refunds",
            (since, found) ->
                api.orders()
                    .refundsCreatedSince(
                        since, r -> found.accept(new Change("order", r.orderId(), r.created()))));
    if (total > 0) {
      LOG.info("Store {}: catch-up poll found {} changes not yet read", store.storeHash(), total);
    }
    return total;
  }

  /**
   * {@code fetch} hands each change to its consumer as the pages arrive: only the small {@link
   * Change}s are kept, never the whole listing (after a 100,000-order burst the orders alone would
   * take over a gigabyte of heap; issue 20).
   */
  private int pollResource(
      ConnectedStore store, String resource, BiConsumer<Instant, Consumer<Change>> fetch) {
    long now = clock.millis();
    long mark =
        cursors
            .highWater(store.storeHash(), resource)
            .orElse(now - config.catchUpInitialLookback().toMillis());
    // Whole seconds: BigCommerce date filters do not take fractions, and the overlap covers the
    // rest.
    List<Change> changes = new ArrayList<>();
    fetch.accept(
        Instant.ofEpochSecond(Math.floorDiv(mark - config.catchUpOverlap().toMillis(), 1000)),
        changes::add);
    long newMark = mark;
    Map<String, Map<Long, Change>> byType = new LinkedHashMap<>();
    for (Change change : changes) {
      if (change.modified() != null) {
        newMark = Math.max(newMark, change.modified().toEpochMilli());
      }
      byType
          .computeIfAbsent(change.entityType(), t -> new LinkedHashMap<>())
          .merge(change.id(), change, (a, b) -> later(a, b));
    }
    List<IncomingEvent> unread = new ArrayList<>();
    for (Map.Entry<String, Map<Long, Change>> type : byType.entrySet()) {
      Map<String, Long> read =
          versions.lastRead(
              store.storeHash(),
              type.getKey(),
              type.getValue().keySet().stream().map(String::valueOf).toList());
      for (Change change : type.getValue().values()) {
        Long seen = read.get(String.valueOf(change.id()));
        if (seen != null && change.modified() != null && seen >= change.modified().toEpochMilli()) {
          continue;
        }
        unread.add(event(store.storeHash(), resource, change));
      }
    }
    // A group per transaction, not one per change: a poll during a burst finds hundreds.
    int enqueued =
        (int)
            intake.recordAll(unread).stream()
                .filter(IntakeResult.Accepted.class::isInstance)
                .count();
    cursors.save(store.storeHash(), resource, newMark, now);
    registry
        .counter(
            "bcsync.bigcommerce.catch_up_enqueued",
            "store",
            store.storeHash(),
            "resource",
            resource)
        .increment(enqueued);
    return enqueued;
  }

  private static IncomingEvent event(String storeHash, String resource, Change change) {
    String body =
        "{\"source\":\"catch-up\",\"resource\":\""
            + resource
            + "\",\"type\":\""
            + change.entityType()
            + "\",\"id\":"
            + change.id()
            + ",\"modified\":\""
            + change.modified()
            + "\"}";
    return new IncomingEvent(
        new EntityRef(storeHash, change.entityType(), String.valueOf(change.id())),
        "bcsync/catch-up/" + resource,
        "stores/" + storeHash,
        null,
        null,
        null,
        body);
  }

  private static Change later(Change a, Change b) {
    if (a.modified() == null) {
      return b;
    }
    return b.modified() != null && b.modified().isAfter(a.modified()) ? b : a;
  }
}
