package io.bcsync.salesforce.streaming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streaming subscriber metrics, scraped at /prometheus. Tags are channels and fixed words: low
 * cardinality.
 */
@Singleton
public class StreamingMetrics {
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> replayAges = new ConcurrentHashMap<>();
  private final AtomicLong leader = new AtomicLong();

  public StreamingMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("bcsync.salesforce.streaming.leader", leader, AtomicLong::get)
        .description("1 while this instance holds the streaming lease and subscribes")
        .register(registry);
  }

  void event(String channel, StreamEventRecorder.Result result) {
    counter(
            "bcsync.salesforce.streaming.events",
            "Streaming events by outcome (RECORDED, OWN_CHANGE dropped,"
                + " ALREADY_RECORDED replays, RESYNC_QUEUED)",
            channel,
            result.name())
        .increment();
  }

  /**
   * @param kind unknown_client, auth_renewed, replay_fallback, daily_limit, subscribe_failed,
   *     record_failed
   */
  void problem(String channel, String kind) {
    counter(
            "bcsync.salesforce.streaming.problems",
            "Streaming errors and recoveries by kind",
            channel,
            kind)
        .increment();
  }

  void replayAge(String channel, long ageSeconds) {
    replayAges
        .computeIfAbsent(
            channel,
            c -> {
              AtomicLong value = new AtomicLong();
              Gauge.builder(
                      "bcsync.salesforce.streaming.replay_age_seconds", value, AtomicLong::get)
                  .description("Age of the stored replay id; Salesforce keeps events 72 h")
                  .tag("channel", c)
                  .register(registry);
              return value;
            })
        .set(ageSeconds);
  }

  void leader(boolean isLeader) {
    leader.set(isLeader ? 1 : 0);
  }

  public double count(String channel, String outcomeOrKind) {
    Counter events =
        counters.get("bcsync.salesforce.streaming.events|" + channel + "|" + outcomeOrKind);
    Counter problems =
        counters.get("bcsync.salesforce.streaming.problems|" + channel + "|" + outcomeOrKind);
    return (events == null ? 0 : events.count()) + (problems == null ? 0 : problems.count());
  }

  private Counter counter(String name, String description, String channel, String kind) {
    return counters.computeIfAbsent(
        name + "|" + channel + "|" + kind,
        k ->
            Counter.builder(name)
                .description(description)
                .tag("channel", channel)
                .tag("kind", kind)
                .register(registry));
  }
}
