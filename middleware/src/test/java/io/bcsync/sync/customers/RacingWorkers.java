package io.bcsync.sync.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.SyncConfigs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs each worker's sync of one item on its own thread, so the test can interleave two of them,
 * and reruns what was refused with a retry.
 */
final class RacingWorkers implements AutoCloseable {
  static final long WAIT_SECONDS = 60;

  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final String store;
  private final SyncConfigs.Loaded config;

  /** Workers syncing items of {@code store} with {@code config}. */
  RacingWorkers(String store, SyncConfigs.Loaded config) {
    this.store = store;
    this.config = config;
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }

  /** One worker's sync of one item, on its own thread. */
  final class Run {
    final CustomerFlow worker;
    final CustomerNeed need;
    final Map<Long, Outcome> outcomes = new HashMap<>();
    final CompletableFuture<Map<String, CustomerLink>> done;

    Run(CustomerFlow worker, CustomerNeed need) {
      this.worker = worker;
      this.need = need;
      this.done = CompletableFuture.supplyAsync(() -> sync(worker, need, outcomes), workers);
    }

    void await() throws Exception {
      done.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    boolean retried() {
      Outcome outcome = outcomes.get(need.itemId());
      return outcome instanceof Outcome.Deferred
          || (outcome instanceof Outcome.Failure failure && !failure.permanent());
    }
  }

  Run start(CustomerFlow worker, CustomerNeed need) {
    return new Run(worker, need);
  }

  /** Runs each item that got a retry outcome again, on {@code plain}; the rerun must succeed. */
  void rerunRetried(CustomerFlow plain, Run... runs) {
    for (Run run : runs) {
      assertThat(run.outcomes.values())
          .as("no permanent failure")
          .noneMatch(o -> o instanceof Outcome.Failure f && f.permanent());
      if (run.retried()) {
        Map<Long, Outcome> again = new HashMap<>();
        sync(plain, run.need, again);
        assertThat(again.values())
            .as(
                "the retry of item %s succeeds (an order item goes on to its order)",
                run.need.itemId())
            .allMatch(Outcome.SUCCESS::equals);
      }
    }
  }

  private Map<String, CustomerLink> sync(
      CustomerFlow worker, CustomerNeed need, Map<Long, Outcome> outcomes) {
    try {
      CustomerFlow.Result result = worker.sync(store, config, List.of(need));
      outcomes.putAll(result.outcomes());
      return result.links();
    } catch (Exception e) {
      throw new IllegalStateException("sync of item " + need.itemId() + " failed", e);
    }
  }
}
