package io.bcsync.salesforce.soap;

import io.bcsync.config.SalesforceApiConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the daily API allocation through the LimitInfoHeader Salesforce returns on each call,
 * exposes it as metrics, and slows callers down while less than the configured reserve is left, so
 * bcsync never eats the last calls other integrations (and the org's users) need. Says so in the
 * log when it starts and stops throttling.
 */
public class ApiUsageGovernor {
  private static final Logger LOG = LoggerFactory.getLogger(ApiUsageGovernor.class);

  /** How a throttled caller waits; tests substitute one that records instead of sleeping. */
  public interface Pause {
    void pause(Duration duration);
  }

  private final SalesforceApiConfig config;
  private final Pause pause;
  private final AtomicLong used = new AtomicLong(-1);
  private final AtomicLong limit = new AtomicLong(-1);
  private final Counter throttledCalls;
  private volatile boolean throttling;

  public ApiUsageGovernor(SalesforceApiConfig config, MeterRegistry registry, Pause pause) {
    this.config = config;
    this.pause = pause;
    Gauge.builder("bcsync.salesforce.api.used", used, AtomicLong::get)
        .description(
            "Salesforce API requests used in the last 24 h (LimitInfoHeader; -1 until the first call)")
        .register(registry);
    Gauge.builder("bcsync.salesforce.api.limit", limit, AtomicLong::get)
        .description("Salesforce daily API request allocation (LimitInfoHeader)")
        .register(registry);
    throttledCalls =
        Counter.builder("bcsync.salesforce.api.throttled")
            .description("Calls delayed because the daily API allocation is below the reserve")
            .register(registry);
  }

  void beforeCall() {
    if (throttling) {
      throttledCalls.increment();
      pause.pause(config.throttleDelay());
    }
  }

  void observed(long current, long max) {
    used.set(current);
    limit.set(max);
    boolean below = max > 0 && (max - current) * 100 < (long) config.apiReservePercent() * max;
    if (below && !throttling) {
      LOG.warn(
          "Salesforce API usage {}/{}: less than the {}% reserve left; slowing down to one call per {}",
          current, max, config.apiReservePercent(), config.throttleDelay());
    } else if (!below && throttling) {
      LOG.info("Salesforce API usage {}/{}: above the reserve again; full speed", current, max);
    }
    throttling = below;
  }

  public boolean isThrottling() {
    return throttling;
  }

  public long used() {
    return used.get();
  }

  public long limit() {
    return limit.get();
  }
}
