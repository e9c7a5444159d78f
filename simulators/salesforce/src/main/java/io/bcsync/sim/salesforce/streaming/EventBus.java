package io.bcsync.sim.salesforce.streaming;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongFunction;

/**
 * Stores published events for the retention window (simulated time) and answers replay requests.
 * Replay ids are increasing across the org. An id is valid while the event it names is retained;
 * older ids (and ids never issued) are rejected, as Salesforce rejects replay ids outside the
 * retention window.
 */
public final class EventBus {
  private final Clock clock;
  private final Duration retention;
  private final List<StoredEvent> events = new ArrayList<>();
  private final Map<String, Long> purgedUpTo = new HashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private long lastReplayId;

  /** Live delivery of a newly published event. */
  public interface Listener {
    void published(StoredEvent event);
  }

  public EventBus(Clock clock, Duration retention) {
    this.clock = clock;
    this.retention = retention;
  }

  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /**
   * Publishes under the bus lock, so a replay and a live delivery never interleave for one
   * subscriber.
   */
  public synchronized StoredEvent publish(
      Set<String> channels, LongFunction<Map<String, Object>> dataForReplayId) {
    purgeExpired();
    long replayId = ++lastReplayId;
    StoredEvent event =
        new StoredEvent(
            replayId, clock.instant(), Set.copyOf(channels), dataForReplayId.apply(replayId));
    events.add(event);
    listeners.forEach(l -> l.published(event));
    return event;
  }

  /**
   * Events to replay after {@code replayFrom} on a channel: -1 none, -2 all retained, N those after
   * N. Empty optional when N is no longer (or never was) a valid replay id.
   */
  public synchronized Optional<List<StoredEvent>> replay(String channel, long replayFrom) {
    purgeExpired();
    if (replayFrom == -1) {
      return Optional.of(List.of());
    }
    boolean neverIssued = replayFrom < -2 || replayFrom > lastReplayId;
    boolean purged =
        replayFrom >= 0 && purgedUpTo.containsKey(channel) && replayFrom <= purgedUpTo.get(channel);
    if (neverIssued || purged) {
      return Optional.empty();
    }
    long after = replayFrom == -2 ? Long.MIN_VALUE : replayFrom;
    return Optional.of(
        events.stream()
            .filter(e -> e.channels().contains(channel) && e.replayId() > after)
            .toList());
  }

  /**
   * Runs work while holding the bus lock (used to make a subscription's replay atomic with live
   * publishing).
   */
  public synchronized void locked(Runnable work) {
    work.run();
  }

  public synchronized List<StoredEvent> retained() {
    purgeExpired();
    return List.copyOf(events);
  }

  public synchronized long lastReplayId() {
    return lastReplayId;
  }

  private void purgeExpired() {
    Instant cutoff = clock.instant().minus(retention);
    Map<String, Long> purged = new LinkedHashMap<>();
    events.removeIf(
        e -> {
          if (e.publishedAt().isBefore(cutoff)) {
            e.channels().forEach(c -> purged.merge(c, e.replayId(), Math::max));
            return true;
          }
          return false;
        });
    purged.forEach((c, id) -> purgedUpTo.merge(c, id, Math::max));
  }
}
