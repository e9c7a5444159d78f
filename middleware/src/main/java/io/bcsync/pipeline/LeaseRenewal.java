package io.bcsync.pipeline;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.util.List;

/** The heartbeat's statement for a running batch: its claims last another lease. */
@Singleton
class LeaseRenewal {
  private final Db db;

  LeaseRenewal(Db db) {
    this.db = db;
  }

  /**
   * Extends the lease of the claimed items still held by {@code leaseToken}. Returns how many were
   * still held (an item whose lease lapsed and was recovered is not taken back).
   */
  int renew(List<Long> ids, String leaseToken, long leaseExpiresAt) {
    if (ids.isEmpty()) {
      return 0;
    }
    return db.writeFailingFast(
        1,
        Heartbeat.LIMITS,
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE work_item SET lease_expires_at_ms = ? WHERE status = 'IN_PROGRESS'"
                      + " AND lease_owner = ? AND id IN ("
                      + Sql.placeholders(ids.size())
                      + ")")) {
            update.setLong(1, leaseExpiresAt);
            update.setString(2, leaseToken);
            Sql.bindAll(update, 3, ids);
            return update.executeUpdate();
          }
        });
  }
}
