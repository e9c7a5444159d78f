package io.bcsync.backfill;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Work items waiting in the queue (all stores), the figure backfills pace themselves by. */
@Singleton
public class QueueDepth {
  private final Db db;

  public QueueDepth(Db db) {
    this.db = db;
  }

  public long pending() {
    return db.read(
        connection -> {
          // Served by ix_work_item_due (status, next_attempt_at_ms): an index range count, not a
          // table scan.
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT COUNT(*) FROM work_item WHERE status = 'PENDING'");
              ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
