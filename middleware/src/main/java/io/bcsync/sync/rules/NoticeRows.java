package io.bcsync.sync.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import io.bcsync.sync.port.Notice;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code sync_rule_notice} (V20): one row per store, order, rule and channel, holding the notice as
 * of its firing and when it was sent. Plain JDBC so the insert joins the transaction that records
 * the firing and enqueues the notice's work item ({@link RuleFirings#record}).
 */
@Singleton
public class NoticeRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A stored notice; {@code sentAtMs} null until the channel accepted it. */
  public record Row(Notice notice, Long sentAtMs) {}

  private final Db db;

  public NoticeRows(Db db) {
    this.db = db;
  }

  /** Inserts the notice in the caller's transaction; false when its key is there already. */
  boolean insertIfAbsent(Connection connection, Notice notice, long nowMs) {
    String body = json(notice);
    return Upsert.insertIfAbsent(
        () -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO sync_rule_notice (store_hash, notice_key, order_id, rule_name,"
                      + " channel, body, created_at_ms, sent_at_ms)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL)")) {
            insert.setString(1, notice.storeHash());
            insert.setString(2, notice.key());
            insert.setLong(3, notice.orderId());
            insert.setString(4, notice.rule());
            insert.setString(5, notice.channel().key());
            insert.setString(6, body);
            insert.setLong(7, nowMs);
            insert.executeUpdate();
          } catch (SQLException e) {
            throw new DataAccessFailure(e);
          }
        });
  }

  /** The stored notices of these keys, by key; a key never recorded is absent. */
  public Map<String, Row> find(String storeHash, Collection<String> keys) {
    return db.read(
        connection -> {
          Map<String, Row> rows = new HashMap<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT body, sent_at_ms FROM sync_rule_notice"
                      + " WHERE store_hash = ? AND notice_key = ?")) {
            for (String key : keys) {
              select.setString(1, storeHash);
              select.setString(2, key);
              try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                  long sent = rs.getLong(2);
                  Long sentAt = rs.wasNull() ? null : sent;
                  rows.put(key, new Row(notice(rs.getString(1)), sentAt));
                }
              }
            }
          }
          return rows;
        });
  }

  /** Records that the channel accepted the notice; a later replay of its item sends nothing. */
  public void markSent(String storeHash, String key, long nowMs) {
    db.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE sync_rule_notice SET sent_at_ms = ?"
                      + " WHERE store_hash = ? AND notice_key = ? AND sent_at_ms IS NULL")) {
            update.setLong(1, nowMs);
            update.setString(2, storeHash);
            update.setString(3, key);
            return update.executeUpdate();
          }
        });
  }

  private static String json(Notice notice) {
    try {
      return JSON.writeValueAsString(notice);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("notice not serialisable: " + notice.key(), e);
    }
  }

  private static Notice notice(String body) {
    try {
      return JSON.readValue(body, Notice.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored notice unreadable", e);
    }
  }
}
