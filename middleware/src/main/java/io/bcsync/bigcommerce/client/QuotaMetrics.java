package io.bcsync.bigcommerce.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Per-store API usage as Prometheus metrics ({@code bcsync_bigcommerce_*}); store hashes are few, tags are fine. */
public final class QuotaMetrics {
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public QuotaMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void registerStore(String storeHash, Supplier<RateBudget.Snapshot> snapshot) {
    Gauge.builder("bcsync.bigcommerce.quota.limit", () -> snapshot.get().quota())
        .description("Requests per window the store allows (all apps together); -1 until known")
        .tag("store", storeHash).register(registry);
    Gauge.builder("bcsync.bigcommerce.quota.left", () -> snapshot.get().left())
        .description("Requests left in the current window as last reported; -1 until known")
        .tag("store", storeHash).register(registry);
    Gauge.builder("bcsync.bigcommerce.quota.reserved", () -> snapshot.get().reserve())
        .description("Requests per window bcsync leaves to other apps").tag("store", storeHash).register(registry);
    Gauge.builder("bcsync.bigcommerce.requests.in_flight", () -> snapshot.get().inFlight())
        .description("Calls to the store in progress").tag("store", storeHash).register(registry);
  }

  void request(String storeHash, int status) {
    String outcome = status == 0 ? "no_response" : (status / 100) + "xx";
    count("bcsync.bigcommerce.requests", "API calls by response class", storeHash, "outcome", outcome);
  }

  /** @param kind {@code quota} (429 with headers) or {@code overload} (429 without) */
  void rateLimited(String storeHash, String kind) {
    count("bcsync.bigcommerce.rate_limited", "429 responses received", storeHash, "kind", kind);
  }

  private void count(String name, String description, String storeHash, String tag, String value) {
    counters.computeIfAbsent(name + "|" + storeHash + "|" + value, k -> Counter.builder(name)
        .description(description).tag("store", storeHash).tag(tag, value).register(registry)).increment();
  }
}
