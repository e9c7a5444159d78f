package io.bcsync.pipeline;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one helper for the queue's hand-written JDBC: IN-list placeholders and their values, nullable
 * longs, generated keys, reading rows.
 *
 * <p>Why the queue's SQL stays hand-written while the plain tables use micronaut-data-jdbc
 * repositories (docs/pipeline.md, "Persistence"): claims are {@code SELECT ... FOR UPDATE SKIP
 * LOCKED}, which repositories do not generate; finishing an attempt is an update conditional on the
 * lease token whose CASE assignments are ordered for MySQL's left-to-right evaluation; intake
 * commits a whole group of webhooks with a fixed number of JDBC batches, reading one generated key
 * per batched row, which is what its measured throughput rests on (bench/results/ingest.md); and
 * each statement is one text that H2 2.x and MySQL/MariaDB both run as written.
 */
final class Sql {
  private Sql() {}

  /** {@code ?, ?, ?}: the placeholders of an IN list of {@code count} values (at least one). */
  static String placeholders(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("an IN list needs at least one value");
    }
    return "?" + ", ?".repeat(count - 1);
  }

  /**
   * Binds {@code values} (Long, Integer or String) from parameter {@code first} on; returns the
   * index of the next parameter.
   */
  static int bindAll(PreparedStatement statement, int first, Collection<?> values)
      throws SQLException {
    int index = first;
    for (Object value : values) {
      if (value instanceof Long number) {
        statement.setLong(index++, number);
      } else if (value instanceof Integer number) {
        statement.setInt(index++, number);
      } else if (value instanceof String text) {
        statement.setString(index++, text);
      } else {
        throw new IllegalArgumentException("cannot bind " + value);
      }
    }
    return index;
  }

  static void setNullableLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  /** A BIGINT column that may be NULL: JDBC reads NULL as 0 unless asked. */
  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** Every row {@code select} returns, mapped. */
  static <T> List<T> rows(PreparedStatement select, RowMapper<T> mapper) throws SQLException {
    try (ResultSet rs = select.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
      return rows;
    }
  }

  /**
   * The keys of an insert run with {@link Statement#RETURN_GENERATED_KEYS}, in row order: for a
   * batch both drivers return one per row, in the order the rows were added.
   */
  static long[] generatedKeys(Statement statement, int expected) throws SQLException {
    long[] ids = new long[expected];
    int count = 0;
    try (ResultSet keys = statement.getGeneratedKeys()) {
      while (keys.next()) {
        if (count == expected) {
          throw new SQLException("more generated keys than inserted rows");
        }
        ids[count++] = keys.getLong(1);
      }
    }
    if (count != expected) {
      throw new SQLException("expected " + expected + " generated keys, got " + count);
    }
    return ids;
  }

  static long generatedKey(Statement statement) throws SQLException {
    return generatedKeys(statement, 1)[0];
  }

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }
}
