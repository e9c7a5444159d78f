package io.bcsync.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.client.CustomersApi;
import io.bcsync.bigcommerce.client.Fields;
import io.bcsync.bigcommerce.client.StoreClient;
import io.bcsync.pipeline.PermanentFailureException;
import io.bcsync.pipeline.QueueInspector;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advances active backfills a page at a time: customers modified since the date, then orders. Each
 * page is enqueued together with the cursor ({@link PageEnqueuer}). Calls to BigCommerce are paced
 * by the client's RateBudget; on top of that a backfill stops enqueuing while the work queue holds
 * more than {@code queue-high-water} pending items (PAUSED), and carries on once it drained.
 */
@Singleton
public class BackfillRunner {
  private static final Logger LOG = LoggerFactory.getLogger(BackfillRunner.class);

  /** What one step did. */
  public enum Step {
    /** A page (or a phase change) was committed; there is more to read. */
    ADVANCED,
    /** The last page was committed: the job is DONE. */
    FINISHED,
    /** The queue is above its high-water mark: nothing was read. */
    PAUSED,
    /**
     * The page failed; the job retries it on its next step, or is FAILED once it failed too often.
     */
    FAILED_ATTEMPT,
    /** The job is no longer active (cancelled, failed, done) or was advanced elsewhere. */
    STOPPED
  }

  private final BackfillJobs jobs;
  private final PageEnqueuer enqueuer;
  private final QueueInspector queue;
  private final BigCommerceClient client;
  private final BackfillConfig config;
  private final Clock clock;

  public BackfillRunner(
      BackfillJobs jobs,
      PageEnqueuer enqueuer,
      QueueInspector queue,
      BigCommerceClient client,
      BackfillConfig config,
      Clock clock) {
    this.jobs = jobs;
    this.enqueuer = enqueuer;
    this.queue = queue;
    this.client = client;
    this.config = config;
    this.clock = clock;
  }

  /**
   * The cluster job's run: advances every active backfill, page after page, until each one
   * finishes, pauses or fails, or {@code run-budget} is used up (the next run carries on from the
   * stored cursor).
   */
  public void runActive() {
    long deadline = clock.millis() + config.runBudget().toMillis();
    for (BackfillJob job : jobs.active()) {
      Step step;
      do {
        step = step(job.id());
      } while (step == Step.ADVANCED && clock.millis() < deadline);
      if (clock.millis() >= deadline) {
        return;
      }
    }
  }

  /** Reads and enqueues one page of backfill {@code id}, from its stored cursor. */
  public Step step(long id) {
    Optional<BackfillJob> found = jobs.find(id);
    if (found.isEmpty() || !found.get().state().isActive()) {
      return Step.STOPPED;
    }
    BackfillJob job = found.get();
    long now = clock.millis();
    long pending = queue.pendingCount();
    if (pending >= config.queueHighWater()) {
      if (jobs.pause(id, now)) {
        LOG.info(
            "Backfill {} of store {} paused: {} work items pending (high-water mark {})",
            id,
            job.storeHash(),
            pending,
            config.queueHighWater());
      }
      return Step.PAUSED;
    }
    if (job.state() == BackfillState.PAUSED && jobs.resume(id, now)) {
      LOG.info(
          "Backfill {} of store {} resumed: the queue drained to {} pending",
          id,
          job.storeHash(),
          pending);
      job = jobs.find(id).orElseThrow();
    }
    try {
      return readPage(job);
    } catch (PermanentFailureException e) {
      return failed(job, e, 1);
    } catch (RuntimeException e) {
      return failed(job, e, config.maxConsecutiveFailures());
    }
  }

  private Step readPage(BackfillJob job) {
    StoreClient api = client.forStore(job.storeHash());
    BackfillCursor cursor = job.cursor();
    return switch (cursor.phase()) {
      case CUSTOMERS -> customersPage(job, api, cursor);
      case ORDERS -> ordersPage(job, api, cursor);
      case FINISHED -> committed(enqueuer.advance(job, cursor, clock.millis()), cursor);
    };
  }

  private Step customersPage(BackfillJob job, StoreClient api, BackfillCursor cursor) {
    CustomersApi.CustomerPage page =
        api.customers().modifiedPage(job.sinceInstant(), null, cursor.customerPage(), false);
    int nextPage = cursor.customerPage() + 1;
    boolean shrank = cursor.customersTotal() != null && page.total() < cursor.customersTotal();
    if (shrank) {
      // Customers were deleted: later ones moved to earlier pages. Step back far enough to read
      // them; the ones
      // read twice are recognised and not enqueued again.
      long shrink = cursor.customersTotal() - page.total();
      nextPage =
          Math.max(
              1, nextPage - (int) ((shrink + StoreClient.MAX_PAGE - 1) / StoreClient.MAX_PAGE));
    }
    BackfillCursor next = cursor.customersRead(nextPage, page.total());
    if (!shrank && (page.customers().isEmpty() || nextPage > page.totalPages())) {
      next = next.ordersPhase(api.orders().highestIdModifiedSince(job.sinceInstant()).orElse(null));
    }
    List<String> ids = page.ids().stream().map(String::valueOf).toList();
    return committed(enqueuer.enqueue(job, "customer", ids, next, clock.millis()), next);
  }

  private Step ordersPage(BackfillJob job, StoreClient api, BackfillCursor cursor) {
    List<JsonNode> orders =
        api.orders().modifiedPageAfter(job.sinceInstant(), null, cursor.orderAfterId());
    if (orders.isEmpty()) {
      return committed(enqueuer.advance(job, cursor.finished(), clock.millis()), cursor.finished());
    }
    List<String> ids = orders.stream().map(o -> String.valueOf(Fields.longValue(o, "id"))).toList();
    long firstId = Long.parseLong(ids.get(0));
    long lastId = Long.parseLong(ids.get(ids.size() - 1));
    // A short page is the last one: orders created from now on arrive by webhook.
    BackfillCursor next = cursor.ordersRead(lastId, firstId, orders.size() < StoreClient.MAX_PAGE);
    return committed(enqueuer.enqueue(job, "order", ids, next, clock.millis()), next);
  }

  private static Step committed(Optional<Integer> enqueued, BackfillCursor next) {
    if (enqueued.isEmpty()) {
      return Step.STOPPED;
    }
    return next.phase() == BackfillPhase.FINISHED ? Step.FINISHED : Step.ADVANCED;
  }

  private Step failed(BackfillJob job, RuntimeException e, int maxFailures) {
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    Optional<BackfillState> state =
        jobs.recordFailure(job.id(), error, maxFailures, clock.millis());
    if (state.isEmpty()) {
      return Step.STOPPED;
    }
    if (state.get() == BackfillState.FAILED) {
      LOG.warn("Backfill {} of store {} failed: {}", job.id(), job.storeHash(), error);
    } else {
      LOG.info(
          "Backfill {} of store {}: page failed, retried on the next run: {}",
          job.id(),
          job.storeHash(),
          error);
    }
    return Step.FAILED_ATTEMPT;
  }
}
