package io.bcsync.console;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.QueueActivity;
import io.bcsync.pipeline.QueueActivity.Bucket;
import io.bcsync.pipeline.QueueActivity.Depth;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.QueueInspector.FailedItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.salesforce.streaming.StreamingStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the overview shows, gathered once for the console's page, its refreshes and {@code GET
 * /admin/overview}: activity per store over a window, queue depth and the oldest open item, the
 * BigCommerce rate budget per store and Salesforce API usage (the gauges {@code /prometheus}
 * exports, read from the same registry), streaming status and the last errors.
 */
@Singleton
public class OperatorOverview {
  static final int RECENT_ERRORS = 10;

  private final QueueActivity activity;
  private final QueueInspector inspector;
  private final StreamingStatus streaming;
  private final MeterRegistry registry;
  private final Clock clock;

  public OperatorOverview(
      QueueActivity activity,
      QueueInspector inspector,
      StreamingStatus streaming,
      MeterRegistry registry,
      Clock clock) {
    this.activity = activity;
    this.inspector = inspector;
    this.streaming = streaming;
    this.registry = registry;
    this.clock = clock;
  }

  /** The chart windows: the last hour by the minute, the last day by ten minutes. */
  public enum Window {
    HOUR(Duration.ofHours(1), Duration.ofMinutes(1)),
    DAY(Duration.ofDays(1), Duration.ofMinutes(10));

    final Duration length;
    final Duration bucket;

    Window(Duration length, Duration bucket) {
      this.length = length;
      this.bucket = bucket;
    }

    public static Optional<Window> named(String name) {
      for (Window window : values()) {
        if (window.name().equalsIgnoreCase(name)) {
          return Optional.of(window);
        }
      }
      return Optional.empty();
    }
  }

  public Overview overview(Window window) {
    long now = clock.millis();
    Map<String, List<Bucket>> series =
        // The bucket now running and the ones before it, window.length in all.
        activity.perStore(
            now - window.length.toMillis() + window.bucket.toMillis(),
            now + 1,
            window.bucket.toMillis());
    Map<String, Depth> depths = activity.depthPerStore();
    Map<String, Quota> quotas = quotas();
    TreeSet<String> stores = new TreeSet<>(series.keySet());
    stores.addAll(depths.keySet());
    stores.addAll(quotas.keySet());
    List<StoreOverview> rows = new ArrayList<>();
    for (String store : stores) {
      Depth depth = depths.get(store);
      rows.add(
          new StoreOverview(
              store,
              depth == null ? 0 : depth.open(),
              depth == null ? null : Math.max(0, now - depth.oldestCreatedAtMs()) / 1000,
              totals(series.get(store)),
              quotas.get(store),
              series.getOrDefault(store, List.of())));
    }
    Map<WorkItemStatus, Long> counts = inspector.countsByStatus();
    return new Overview(
        now,
        window.name().toLowerCase(java.util.Locale.ROOT),
        window.bucket.toSeconds(),
        counts,
        inspector
            .oldestOpenCreatedAt()
            .map(created -> Math.max(0, now - created) / 1000)
            .orElse(null),
        rows,
        salesforceApi(),
        streaming.snapshot(),
        activity.recentErrors(RECENT_ERRORS).stream().map(LastError::of).toList());
  }

  /**
   * One store's overview, for the BigCommerce app page: the same series, totals, queue depth, rate
   * budget and errors as that store's row of {@link #overview}, nothing of another store, and a
   * summary of Salesforce streaming (one org serves every store, so it is not per store).
   */
  public StoreView forStore(String storeHash, Window window) {
    long now = clock.millis();
    List<Bucket> series =
        activity.ofStore(
            storeHash,
            now - window.length.toMillis() + window.bucket.toMillis(),
            now + 1,
            window.bucket.toMillis());
    Depth depth = activity.depthPerStore().get(storeHash);
    StoreOverview store =
        new StoreOverview(
            storeHash,
            depth == null ? 0 : depth.open(),
            depth == null ? null : Math.max(0, now - depth.oldestCreatedAtMs()) / 1000,
            totals(series),
            quotas().get(storeHash),
            series);
    List<StoreError> errors =
        inspector.storeActivity(storeHash, RECENT_ERRORS).recentFailures().stream()
            .map(
                failed ->
                    new StoreError(
                        failed.entity().type(),
                        failed.entity().id(),
                        failed.error(),
                        failed.atMs()))
            .toList();
    return new StoreView(
        now,
        window.name().toLowerCase(java.util.Locale.ROOT),
        window.bucket.toSeconds(),
        store,
        StreamingSummary.of(streaming.snapshot()),
        errors);
  }

  private static Totals totals(List<Bucket> buckets) {
    long received = 0;
    long synced = 0;
    long retried = 0;
    long dead = 0;
    for (Bucket bucket : buckets == null ? List.<Bucket>of() : buckets) {
      received += bucket.received();
      synced += bucket.synced();
      retried += bucket.retried();
      dead += bucket.dead();
    }
    return new Totals(received, synced, retried, dead);
  }

  /** The REST API's rate budget per store, from the gauges the BigCommerce client registers. */
  private Map<String, Quota> quotas() {
    Map<String, Quota> quotas = new TreeMap<>();
    for (Gauge limit : registry.find("bcsync.bigcommerce.quota.limit").gauges()) {
      String store = limit.getId().getTag("store");
      if (store == null) {
        continue;
      }
      Gauge left = registry.find("bcsync.bigcommerce.quota.left").tag("store", store).gauge();
      quotas.put(store, new Quota((long) limit.value(), left == null ? -1 : (long) left.value()));
    }
    return quotas;
  }

  private SalesforceApi salesforceApi() {
    Gauge used = registry.find("bcsync.salesforce.api.used").gauge();
    Gauge limit = registry.find("bcsync.salesforce.api.limit").gauge();
    return new SalesforceApi(
        used == null ? null : (long) used.value(), limit == null ? null : (long) limit.value());
  }

  /** The overview at {@code generatedAtMs}; {@code bucketSeconds} is the series' step. */
  public record Overview(
      long generatedAtMs,
      String window,
      long bucketSeconds,
      Map<WorkItemStatus, Long> workItems,
      Long oldestOpenItemAgeSeconds,
      List<StoreOverview> stores,
      SalesforceApi salesforceApi,
      Map<String, Object> streaming,
      List<LastError> recentErrors) {}

  /**
   * One of the last errors, with the record timeline's address of its record (null when the
   * timeline cannot search for it).
   */
  public record LastError(EntityRef entity, String error, long atMs, String timeline) {
    static LastError of(FailedItem failed) {
      return new LastError(
          failed.entity(),
          failed.error(),
          failed.atMs(),
          ConsoleFormat.timelineHref(failed.entity()));
    }
  }

  /** One store: its open items, their oldest's age, the window's totals, rate budget and series. */
  public record StoreOverview(
      String store,
      long open,
      Long oldestOpenAgeSeconds,
      Totals totals,
      Quota quota,
      List<Bucket> series) {}

  /** {@link #forStore}: one store's overview at {@code generatedAtMs}. */
  public record StoreView(
      long generatedAtMs,
      String window,
      long bucketSeconds,
      StoreOverview store,
      StreamingSummary streaming,
      List<StoreError> recentErrors) {}

  /** One of a store's last errors (the store is the view's). */
  public record StoreError(String type, String id, String error, long atMs) {}

  /**
   * Salesforce streaming in a line: on or off, how many channels have a replay position, the age of
   * the oldest, and whether one is near Salesforce's 72-hour retention. No instance names.
   */
  public record StreamingSummary(
      boolean enabled, int channels, Long oldestReplayAgeSeconds, boolean nearRetention) {
    static StreamingSummary of(Map<String, Object> snapshot) {
      Long oldest = null;
      boolean near = false;
      List<?> channels = (List<?>) snapshot.getOrDefault("channels", List.of());
      for (Object channel : channels) {
        Map<?, ?> row = (Map<?, ?>) channel;
        if (row.get("ageSeconds") instanceof Long age) {
          oldest = oldest == null ? age : Math.max(oldest, age);
        }
        near |= Boolean.TRUE.equals(row.get("nearRetention"));
      }
      return new StreamingSummary(
          Boolean.TRUE.equals(snapshot.get("enabled")), channels.size(), oldest, near);
    }
  }

  public record Totals(long received, long synced, long retried, long dead) {}

  /** Requests per window the store allows and those left, as last reported; -1 until known. */
  public record Quota(long limit, long left) {}

  /** Salesforce's daily API requests used and allowed, as last reported; null until known. */
  public record SalesforceApi(Long used, Long limit) {}
}
