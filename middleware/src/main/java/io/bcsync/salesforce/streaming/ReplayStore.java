package io.bcsync.salesforce.streaming;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last durably recorded replay id per channel ({@code streaming_replay}). Only {@link
 * StreamEventRecorder} advances it, inside the transaction that records the event; subscriptions
 * resume from what is here.
 */
public class ReplayStore {
  private final Db db;

  public ReplayStore(Db db) {
    this.db = db;
  }

  /**
   * @param eventAtMs when Salesforce created the event: retention (72 h) counts from here
   */
  public record Position(String channel, long replayId, long eventAtMs, long updatedAtMs) {}

  public Map<String, Position> all() {
    return db.read(
        connection -> {
          Map<String, Position> positions = new LinkedHashMap<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT channel, replay_id, event_at_ms, updated_at_ms FROM streaming_replay ORDER BY channel");
              ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              positions.put(
                  rs.getString(1),
                  new Position(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
          }
          return positions;
        });
  }

  public Optional<Position> get(String channel) {
    return Optional.ofNullable(all().get(channel));
  }

  /**
   * Locks the channel's row for the rest of the caller's transaction (creating it at replay id -1
   * if new), so two subscribers that briefly overlap during a leadership change record each event
   * once.
   */
  Position lock(Connection connection, String channel, long now) throws SQLException {
    for (int attempt = 0; attempt < 2; attempt++) {
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT replay_id, event_at_ms, updated_at_ms FROM streaming_replay WHERE channel = ? FOR UPDATE")) {
        select.setString(1, channel);
        try (ResultSet rs = select.executeQuery()) {
          if (rs.next()) {
            return new Position(channel, rs.getLong(1), rs.getLong(2), rs.getLong(3));
          }
        }
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO streaming_replay"
                  + " (channel, replay_id, event_at_ms, updated_at_ms) VALUES (?, -1, ?, ?)")) {
        insert.setString(1, channel);
        insert.setLong(2, now);
        insert.setLong(3, now);
        insert.executeUpdate();
      } catch (SQLException e) {
        if (!DataAccessFailure.isUniqueViolation(e)) {
          throw e;
        }
        // another transaction created it first: select (and wait for its lock) again
      }
    }
    throw new SQLException("could not lock the replay row of " + channel, "40001");
  }

  void advance(Connection connection, String channel, long replayId, long eventAtMs, long now)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE streaming_replay SET replay_id = ?, event_at_ms = ?, updated_at_ms = ? WHERE channel = ?")) {
      update.setLong(1, replayId);
      update.setLong(2, eventAtMs);
      update.setLong(3, now);
      update.setString(4, channel);
      update.executeUpdate();
    }
  }

  public List<String> channels() {
    return new ArrayList<>(all().keySet());
  }
}
