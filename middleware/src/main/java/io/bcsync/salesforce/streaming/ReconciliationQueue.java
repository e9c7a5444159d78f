package io.bcsync.salesforce.streaming;

import io.bcsync.db.Db;
import java.sql.Connection;
import java.util.List;

/** Durable requests to re-read an object's records ({@code salesforce_reconciliation}). */
public class ReconciliationQueue {
  private static final int MAX_REASON = 500;
  private static final int MAX_ERROR = 2000;
  private static final int MAX_PENDING = 1000;

  private final Db db;
  private final ReconciliationRepository rows;

  ReconciliationQueue(Db db, ReconciliationRepository rows) {
    this.db = db;
    this.rows = rows;
  }

  /**
   * @param sinceMs records modified at or after this instant; null for every record of the object
   */
  public record Request(
      long id,
      String entity,
      Long sinceMs,
      String reason,
      String status,
      int recordsEnqueued,
      long createdAtMs,
      Long finishedAtMs,
      String lastError) {}

  /**
   * Queues a request in the caller's transaction, the one {@code connection} belongs to: the
   * repository joins the transaction {@link Db#write} opened on this thread.
   */
  void enqueue(Connection connection, String entity, Long sinceMs, String reason, long now) {
    rows.save(
        new ReconciliationRow(
            null, entity, sinceMs, truncate(reason, MAX_REASON), "PENDING", 0, now, null, null));
  }

  public void enqueue(String entity, Long sinceMs, String reason, long now) {
    db.write(
        connection -> {
          enqueue(connection, entity, sinceMs, reason, now);
          return null;
        });
  }

  public List<Request> pending() {
    return db.read(() -> rows.pending(MAX_PENDING)).stream().map(this::request).toList();
  }

  /** The newest request of the object with this reason, if any. */
  java.util.Optional<Request> latest(String entity, String reason) {
    return db.read(() -> rows.latest(entity, reason)).stream().map(this::request).findFirst();
  }

  public List<Request> recent(int limit) {
    return db.read(() -> rows.recent(limit)).stream().map(this::request).toList();
  }

  void finish(long id, String status, int records, long now, String error) {
    db.write(() -> rows.finish(id, status, records, now, truncate(error, MAX_ERROR)));
  }

  private Request request(ReconciliationRow row) {
    return new Request(
        row.id(),
        row.entity(),
        row.sinceMs(),
        row.reason(),
        row.status(),
        row.recordsEnqueued(),
        row.createdAtMs(),
        row.finishedAtMs(),
        row.lastError());
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
