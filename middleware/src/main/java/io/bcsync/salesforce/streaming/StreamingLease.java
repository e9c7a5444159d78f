package io.bcsync.salesforce.streaming;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Leadership through one database row: the owner renews it every check interval; anyone may take it
 * once it has expired. Conditional updates make acquisition race-free on H2 and MySQL alike. A
 * leader that dies stops renewing, so another instance takes over within lease-ttl +
 * lease-check-interval. Overlap during a takeover is harmless: recording is idempotent per replay
 * id ({@link StreamEventRecorder}).
 */
public class StreamingLease {
  public static final String NAME = "salesforce-streaming";

  private final Db db;
  private final Clock clock;
  private final Duration ttl;

  public StreamingLease(Db db, Clock clock, Duration ttl) {
    this.db = db;
    this.clock = clock;
    this.ttl = ttl;
  }

  public record Holder(String owner, long expiresAtMs) {}

  /** Renews our lease or takes an expired one; true when {@code owner} holds it afterwards. */
  public boolean tryAcquire(String owner) {
    long now = clock.millis();
    long expires = now + ttl.toMillis();
    return db.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE streaming_lease SET owner = ?,"
                      + " expires_at_ms = ?, acquired_at_ms = CASE WHEN owner = ? THEN acquired_at_ms ELSE ? END"
                      + " WHERE name = ? AND (owner = ? OR expires_at_ms < ?)")) {
            update.setString(1, owner);
            update.setLong(2, expires);
            update.setString(3, owner);
            update.setLong(4, now);
            update.setString(5, NAME);
            update.setString(6, owner);
            update.setLong(7, now);
            if (update.executeUpdate() == 1) {
              return true;
            }
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO streaming_lease (name, owner, expires_at_ms, acquired_at_ms) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, NAME);
            insert.setString(2, owner);
            insert.setLong(3, expires);
            insert.setLong(4, now);
            insert.executeUpdate();
            return true;
          } catch (SQLException e) {
            if (DataAccessFailure.isUniqueViolation(e)) {
              return false; // someone else holds a live lease
            }
            throw e;
          }
        });
  }

  /**
   * Gives the lease up at once (clean shutdown), so the next instance need not wait for it to
   * expire.
   */
  public void release(String owner) {
    db.write(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM streaming_lease WHERE name = ? AND owner = ?")) {
            delete.setString(1, NAME);
            delete.setString(2, owner);
            return delete.executeUpdate();
          }
        });
  }

  public Optional<Holder> holder() {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT owner, expires_at_ms FROM streaming_lease WHERE name = ?")) {
            select.setString(1, NAME);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next()
                  ? Optional.of(new Holder(rs.getString(1), rs.getLong(2)))
                  : Optional.<Holder>empty();
            }
          }
        });
  }
}
