package io.bcsync.bigcommerce.client;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Per-store API usage as Prometheus metrics ({@code bcsync_bigcommerce_*} for the store REST API,
 * {@code bcsync_bigcommerce_b2b_*} for the B2B Edition host, which has quotas of its own); store
 * hashes are few, tags are fine.
 */
public final class QuotaMetrics {
  static final String REST_PREFIX = "bcsync.bigcommerce";
  static final String B2B_PREFIX = "bcsync.bigcommerce.b2b";

  private final MeterRegistry registry;
  private final String prefix;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  public QuotaMetrics(MeterRegistry registry) {
    this(registry, REST_PREFIX);
  }

  /**
   * @param prefix meter name prefix; a separate one per host keeps the two quotas apart
   */
  public QuotaMetrics(MeterRegistry registry, String prefix) {
    this.registry = registry;
    this.prefix = prefix;
  }

  public static QuotaMetrics forB2b(MeterRegistry registry) {
    return new QuotaMetrics(registry, B2B_PREFIX);
  }

  void registerStore(String storeHash, Supplier<RateBudget.Snapshot> snapshot) {
    Gauge.builder(prefix + ".quota.limit", () -> snapshot.get().quota())
        .description("Requests per window the store allows (all apps together); -1 until known")
        .tag("store", storeHash)
        .register(registry);
    Gauge.builder(prefix + ".quota.left", () -> snapshot.get().left())
        .description("Requests left in the current window as last reported; -1 until known")
        .tag("store", storeHash)
        .register(registry);
    Gauge.builder(prefix + ".quota.reserved", () -> snapshot.get().reserve())
        .description("Requests per window bcsync leaves to other apps")
        .tag("store", storeHash)
        .register(registry);
    Gauge.builder(prefix + ".requests.in_flight", () -> snapshot.get().inFlight())
        .description("Calls to the store in progress")
        .tag("store", storeHash)
        .register(registry);
  }

  void request(String storeHash, int status) {
    String outcome = status == 0 ? "no_response" : (status / 100) + "xx";
    count(prefix + ".requests", "API calls by response class", storeHash, "outcome", outcome);
  }

  /**
   * @param kind {@code quota} (429 with headers) or {@code overload} (429 without)
   */
  void rateLimited(String storeHash, String kind) {
    count(prefix + ".rate_limited", "429 responses received", storeHash, "kind", kind);
  }

  private void count(String name, String description, String storeHash, String tag, String value) {
    counters
        .computeIfAbsent(
            name + "|" + storeHash + "|" + value,
            k ->
                Counter.builder(name)
                    .description(description)
                    .tag("store", storeHash)
                    .tag(tag, value)
                    .register(registry))
        .increment();
  }
}
