package io.bcsync.sync.routing;

import io.bcsync.pipeline.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * What the router did: per flow and outcome ({@code bcsync_flow_items_total{flow, outcome}}), and
 * items of kinds no flow handles ({@code bcsync_sync_unrouted_total{origin, type}}).
 */
@Singleton
public class RoutingMetrics {
  /** Types come from webhook payloads; past this many distinct ones, the rest count as "other". */
  static final int MAX_TYPE_TAGS = 50;

  private final MeterRegistry registry;
  private final java.util.Set<String> typeTags = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public RoutingMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void unrouted(WorkKind kind) {
    registry
        .counter(
            "bcsync.sync.unrouted",
            "origin",
            kind.origin().name().toLowerCase(java.util.Locale.ROOT),
            "type",
            typeTag(kind.type()))
        .increment();
  }

  private String typeTag(String type) {
    if (typeTags.contains(type) || (typeTags.size() < MAX_TYPE_TAGS && typeTags.add(type))) {
      return type;
    }
    return "other";
  }

  void outcome(String flow, Outcome outcome) {
    String name;
    if (outcome instanceof Outcome.Failure failure) {
      name = failure.permanent() ? "permanent_failure" : "retryable_failure";
    } else {
      name =
          outcome instanceof Outcome.Skipped
              ? "skipped"
              : outcome instanceof Outcome.Deferred ? "deferred" : "success";
    }
    registry.counter("bcsync.flow.items", "flow", flow, "outcome", name).increment();
  }
}
