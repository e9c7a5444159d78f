package io.bcsync.pipeline;

import io.bcsync.pipeline.QueueActivity.DeadLetterFilter;
import io.bcsync.pipeline.WorkQueue.ReplayResult;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays dead letters by id or by filter, for the admin API and the console: one code path, so a
 * replay from either behaves the same. Each replay is its own transaction in {@link WorkQueue}; a
 * dead letter replayed twice answers {@code NOT_DEAD} the second time, so a repeated request (a
 * lost answer, a double click) requeues nothing twice.
 */
@Singleton
public class DeadLetterReplays {
  /** Dead letters read per page while collecting the ones a filter matches. */
  static final int PAGE = 500;

  private final QueueActivity activity;
  private final WorkQueue queue;
  private final WorkSignal signal;
  private final Clock clock;

  public DeadLetterReplays(
      QueueActivity activity, WorkQueue queue, WorkSignal signal, Clock clock) {
    this.activity = activity;
    this.queue = queue;
    this.signal = signal;
    this.clock = clock;
  }

  /** Replays these dead letters, in this order; the result per id. */
  public Map<Long, ReplayResult> replay(List<Long> ids) {
    Map<Long, ReplayResult> results = new LinkedHashMap<>();
    long now = clock.millis();
    for (Long id : ids) {
      results.put(id, queue.replay(id, now));
    }
    signal.wake();
    return results;
  }

  /**
   * Replays every current dead letter {@code filter} matches ({@link DeadLetterFilter#ALL}: all).
   */
  public Map<Long, ReplayResult> replayMatching(DeadLetterFilter filter) {
    List<Long> ids = new ArrayList<>();
    Optional<Long> before = Optional.empty();
    List<WorkItem> page;
    do {
      page = activity.deadLetters(filter, before, PAGE);
      page.forEach(item -> ids.add(item.id()));
      before = page.isEmpty() ? before : Optional.of(page.get(page.size() - 1).id());
    } while (page.size() == PAGE);
    return replay(ids);
  }
}
