package io.bcsync.backfill;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The {@code backfill_job} table. Every state change is conditional, so a cancel and a page never
 * both win.
 */
@Singleton
public class BackfillJobs {
  static final int MAX_ERROR_LENGTH = 2000;

  private final Db db;
  private final BackfillJobRepository rows;

  BackfillJobs(Db db, BackfillJobRepository rows) {
    this.db = db;
    this.rows = rows;
  }

  /**
   * Creates a RUNNING backfill, or throws {@link ActiveBackfillExists} naming the store's active
   * one.
   */
  public BackfillJob create(String storeHash, LocalDate since, long now) {
    BackfillCursor start = BackfillCursor.start();
    BackfillJobRow row =
        new BackfillJobRow(
            null,
            storeHash,
            since.toString(),
            BackfillState.RUNNING.name(),
            storeHash,
            start.phase().name(),
            start.customerPage(),
            start.customersTotal(),
            start.orderAfterId(),
            start.ordersFirstId(),
            start.ordersMaxId(),
            0,
            0,
            0,
            0,
            null,
            now,
            now,
            null,
            null);
    try {
      return job(db.write(() -> rows.save(row)));
    } catch (DataAccessFailure failure) {
      if (!failure.isUniqueViolation()) {
        throw failure;
      }
      long active = findActive(storeHash).map(BackfillJob::id).orElseThrow(() -> failure);
      throw new ActiveBackfillExists(storeHash, active);
    }
  }

  public Optional<BackfillJob> find(long id) {
    return db.read(() -> rows.findById(id)).map(BackfillJobs::job);
  }

  public Optional<BackfillJob> findActive(String storeHash) {
    return db.read(() -> rows.findByActiveStore(storeHash)).map(BackfillJobs::job);
  }

  /** Active backfills, oldest first: the order the runner advances them in. */
  public List<BackfillJob> active() {
    return jobs(db.read(rows::active));
  }

  /**
   * Forgets the store's backfills, their links and their counts (its retention ended); joins the
   * caller's transaction, which deletes the store's work items with them.
   */
  public void deleteStore(String storeHash) {
    db.write(
        () -> {
          rows.deleteItemsOfStore(storeHash);
          rows.deletePrunedCountsOfStore(storeHash);
          return rows.deleteStore(storeHash);
        });
  }

  /** The latest backfills, newest first, optionally of one store. */
  public List<BackfillJob> latest(String storeHash, int limit) {
    return jobs(
        db.read(() -> storeHash == null ? rows.latest(limit) : rows.latestOf(storeHash, limit)));
  }

  /**
   * Moves the cursor past a page inside the caller's {@link Db#write} (the page's work items commit
   * with it) and adds what the page enqueued. Returns false when the job was cancelled, failed or
   * advanced by someone else since {@code before} was read: the caller must then roll the page
   * back.
   */
  boolean savePage(BackfillJob before, BackfillCursor next, long customers, long orders, long now) {
    int saved =
        rows.savePage(
            before.id(),
            before.pagesRead(),
            next.phase().name(),
            next.customerPage(),
            next.customersTotal(),
            next.orderAfterId(),
            next.ordersFirstId(),
            next.ordersMaxId(),
            customers,
            orders,
            now);
    if (saved == 1 && next.phase() == BackfillPhase.FINISHED) {
      rows.finish(before.id(), now);
    }
    return saved == 1;
  }

  /** RUNNING to PAUSED (the queue is above its high-water mark); returns whether it changed. */
  public boolean pause(long id, long now) {
    return db.write(() -> rows.pause(id, now) == 1);
  }

  /** PAUSED back to RUNNING; returns whether it changed. */
  public boolean resume(long id, long now) {
    return db.write(() -> rows.resume(id, now) == 1);
  }

  /**
   * Records a failed page attempt; the job is FAILED once {@code maxFailures} attempts in a row
   * failed (a permanent failure passes 1). Returns the state the job is in afterwards, or empty
   * when it was no longer active.
   */
  public Optional<BackfillState> recordFailure(long id, String error, int maxFailures, long now) {
    return db.write(
        () -> {
          if (rows.countFailure(id, truncate(error), now) == 0) {
            return Optional.empty();
          }
          return Optional.of(
              rows.failAfter(id, maxFailures, now) == 1
                  ? BackfillState.FAILED
                  : BackfillState.RUNNING);
        });
  }

  /**
   * Stops an active backfill; what it already enqueued stays in the queue. Returns false when it
   * was not active.
   */
  public boolean cancel(long id, long now) {
    return db.write(() -> rows.cancel(id, now) == 1);
  }

  private static List<BackfillJob> jobs(List<BackfillJobRow> found) {
    return found.stream().map(BackfillJobs::job).toList();
  }

  private static BackfillJob job(BackfillJobRow row) {
    BackfillCursor cursor =
        new BackfillCursor(
            BackfillPhase.valueOf(row.phase()),
            row.customerPage(),
            row.customersTotal(),
            row.orderAfterId(),
            row.ordersFirstId(),
            row.ordersMaxId());
    return new BackfillJob(
        row.id(),
        row.storeHash(),
        LocalDate.parse(row.sinceDate()),
        BackfillState.valueOf(row.state()),
        cursor,
        row.customersEnqueued(),
        row.ordersEnqueued(),
        row.pagesRead(),
        row.consecutiveFailures(),
        row.lastError(),
        row.createdAtMs(),
        row.updatedAtMs(),
        row.pausedAtMs(),
        row.finishedAtMs());
  }

  static String truncate(String error) {
    String text = error == null ? "unknown error" : error;
    return text.length() <= MAX_ERROR_LENGTH
        ? text
        : text.substring(0, MAX_ERROR_LENGTH - 3) + "...";
  }

  /** Another backfill of the store is RUNNING or PAUSED. */
  public static final class ActiveBackfillExists extends RuntimeException {
    private final long activeId;

    ActiveBackfillExists(String storeHash, long activeId) {
      super(
          "backfill " + activeId + " is already running for store " + storeHash,
          null,
          false,
          false);
      this.activeId = activeId;
    }

    public long activeId() {
      return activeId;
    }
  }
}
