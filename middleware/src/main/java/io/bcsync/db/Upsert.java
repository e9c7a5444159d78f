package io.bcsync.db;

import java.util.function.IntSupplier;

/**
 * The one way bcsync writes "this row, whether or not it exists yet" to its plain tables: a
 * (usually conditional) update, and when it changed nothing an insert that tolerates losing a race
 * to a concurrent insert of the same key.
 *
 * <p>Why not a single statement: H2 2.x without MySQL mode and MySQL/MariaDB share no upsert syntax
 * ({@code MERGE} there, {@code INSERT ... ON DUPLICATE KEY UPDATE} here), and we keep one SQL text
 * for both. Why the race is harmless: a duplicate key fails only its own statement on both
 * databases (InnoDB and H2 roll back the statement, not the transaction), so the caller's
 * transaction goes on, and under READ COMMITTED the update that follows sees the row the other
 * transaction committed.
 *
 * <p>Call these inside {@link Db#write}: the update and the insert then run in the caller's
 * transaction.
 */
public final class Upsert {
  private Upsert() {}

  /**
   * Runs {@code update}; when it changed no row, {@code insert}; when the insert lost a race (the
   * key exists now), {@code update} once more, so a conditional update decides against the row that
   * won. Returns whether a row now holds what the caller wrote (false only when the conditional
   * update refused the existing row).
   */
  public static boolean updateElseInsert(IntSupplier update, Runnable insert) {
    if (update.getAsInt() > 0) {
      return true;
    }
    if (insertIfAbsent(insert)) {
      return true;
    }
    return update.getAsInt() > 0;
  }

  /**
   * Runs {@code insert}; false when its key already exists (a unique or primary key refused it).
   */
  public static boolean insertIfAbsent(Runnable insert) {
    try {
      insert.run();
      return true;
    } catch (RuntimeException e) {
      if (DataAccessFailure.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }
}
