package io.bcsync.backfill;

import io.bcsync.db.Db;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.IncomingEvent;
import io.bcsync.pipeline.IntakeResult;
import io.bcsync.pipeline.WorkSignal;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hands one page of entities to the pipeline as events of the kind webhooks produce ({@code
 * customer} and {@code order} work items, scope {@code bcsync/backfill/<resource>}), in one
 * transaction with the job's cursor: a crash before the commit leaves neither, so the page is read
 * again; after it, both. An entity this backfill already enqueued is skipped; one with an open work
 * item (a webhook got there first) joins it.
 */
@Singleton
class PageEnqueuer {
  private final Db db;
  private final EventIntake intake;
  private final BackfillJobs jobs;
  private final BackfillItems items;
  private final WorkSignal signal;

  PageEnqueuer(
      Db db, EventIntake intake, BackfillJobs jobs, BackfillItems items, WorkSignal signal) {
    this.db = db;
    this.intake = intake;
    this.jobs = jobs;
    this.items = items;
    this.signal = signal;
  }

  /**
   * Enqueues {@code entityIds} of {@code entityType} ("customer" or "order") and moves the job to
   * {@code next}. Returns how many were newly enqueued, or empty when the job was cancelled or
   * moved on meanwhile (nothing is then stored).
   */
  Optional<Integer> enqueue(
      BackfillJob job, String entityType, List<String> entityIds, BackfillCursor next, long now) {
    Optional<Integer> enqueued;
    try {
      enqueued =
          db.write(connection -> inTransaction(connection, job, entityType, entityIds, next, now));
    } catch (JobMovedOn movedOn) {
      return Optional.empty();
    }
    if (enqueued.orElse(0) > 0) {
      signal.wake();
    }
    return enqueued;
  }

  /** Commits the cursor only (an empty page, or a phase change). */
  Optional<Integer> advance(BackfillJob job, BackfillCursor next, long now) {
    return enqueue(job, "customer", List.of(), next, now);
  }

  private Optional<Integer> inTransaction(
      Connection connection,
      BackfillJob job,
      String entityType,
      List<String> entityIds,
      BackfillCursor next,
      long now)
      throws SQLException {
    Set<String> already = items.alreadyEnqueued(job.id(), entityType, entityIds);
    int added = 0;
    for (String id : entityIds) {
      if (already.contains(id)) {
        continue;
      }
      IntakeResult result = intake.recordInTransaction(connection, event(job, entityType, id));
      if (!(result instanceof IntakeResult.Accepted accepted)) {
        throw new SQLException(
            "backfill event for " + entityType + " " + id + " was not accepted: " + result);
      }
      items.link(job.id(), entityType, id, accepted.workItemId());
      added++;
    }
    boolean customers = "customer".equals(entityType);
    if (!jobs.savePage(job, next, customers ? added : 0, customers ? 0 : added, now)) {
      throw new JobMovedOn();
    }
    return Optional.of(added);
  }

  private static IncomingEvent event(BackfillJob job, String entityType, String id) {
    String resource = entityType + "s";
    String body =
        "{\"source\":\"backfill\",\"backfill\":"
            + job.id()
            + ",\"resource\":\""
            + resource
            + "\",\"type\":\""
            + entityType
            + "\",\"id\":"
            + id
            + ",\"since\":\""
            + job.since()
            + "\"}";
    return new IncomingEvent(
        new EntityRef(job.storeHash(), entityType, id),
        "bcsync/backfill/" + resource,
        "stores/" + job.storeHash(),
        null,
        null,
        null,
        body);
  }

  /** Rolls the page's transaction back: the job was cancelled or advanced by another run. */
  private static final class JobMovedOn extends RuntimeException {
    JobMovedOn() {
      super("backfill was cancelled or advanced elsewhere", null, false, false);
    }
  }
}
