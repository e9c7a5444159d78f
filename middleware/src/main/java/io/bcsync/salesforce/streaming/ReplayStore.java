package io.bcsync.salesforce.streaming;

import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import java.sql.Connection;
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
  private final ReplayRepository rows;

  ReplayStore(Db db, ReplayRepository rows) {
    this.db = db;
    this.rows = rows;
  }

  /**
   * @param eventAtMs when Salesforce created the event: retention (72 h) counts from here
   */
  public record Position(String channel, long replayId, long eventAtMs, long updatedAtMs) {}

  public Map<String, Position> all() {
    Map<String, Position> positions = new LinkedHashMap<>();
    for (ReplayRow row : db.read(rows::listOrderByChannel)) {
      positions.put(row.channel(), position(row));
    }
    return positions;
  }

  public Optional<Position> get(String channel) {
    return Optional.ofNullable(all().get(channel));
  }

  /**
   * Locks the channel's row for the rest of the caller's transaction (creating it at replay id -1
   * if new), so two subscribers that briefly overlap during a leadership change record each event
   * once. Runs in the transaction {@code connection} belongs to, which the repository joins, so the
   * lock and the events recorded through {@code connection} commit or roll back together.
   */
  Position lock(Connection connection, String channel, long now) throws SQLException {
    for (int attempt = 0; attempt < 2; attempt++) {
      Optional<ReplayRow> locked = rows.lock(channel);
      if (locked.isPresent()) {
        return position(locked.get());
      }
      // A new channel. If another transaction created it first, the next select waits for its
      // lock.
      Upsert.insertIfAbsent(() -> rows.save(new ReplayRow(channel, -1, now, now)));
    }
    throw new SQLException("could not lock the replay row of " + channel, "40001");
  }

  /** Moves the channel to {@code replayId} in the caller's transaction (see {@link #lock}). */
  void advance(Connection connection, String channel, long replayId, long eventAtMs, long now) {
    rows.advance(channel, replayId, eventAtMs, now);
  }

  public List<String> channels() {
    return new ArrayList<>(all().keySet());
  }

  private static Position position(ReplayRow row) {
    return new Position(row.channel(), row.replayId(), row.eventAtMs(), row.updatedAtMs());
  }
}
