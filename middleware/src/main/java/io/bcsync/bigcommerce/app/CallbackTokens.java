package io.bcsync.bigcommerce.app;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.time.Clock;

/**
 * Accepts each {@code signed_payload_jwt} once (by its {@code jti}), across every instance: the
 * {@code bc_callback_token} table's primary key decides. A row lives until its token could no
 * longer verify anyway; {@link CallbackTokenCleanup} deletes it after that.
 */
@Singleton
public class CallbackTokens {
  private final Db db;
  private final Clock clock;

  public CallbackTokens(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Records the caller's token as used; 401 when it was used before. */
  public void claim(SignedPayloadVerifier.Caller caller) {
    try {
      db.write(
          connection -> {
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO bc_callback_token (jti, store_hash, expires_at_ms)"
                        + " VALUES (?, ?, ?)")) {
              insert.setString(1, caller.jti());
              insert.setString(2, caller.storeHash());
              insert.setLong(3, caller.usableUntilMs());
              return insert.executeUpdate();
            }
          });
    } catch (DataAccessFailure failure) {
      if (DataAccessFailure.isUniqueViolation(failure.sqlException())) {
        throw new AppRequestRejected(
            HttpStatus.UNAUTHORIZED, "signed_payload_jwt was used before (jti)");
      }
      throw failure;
    }
  }

  /**
   * Forgets a claim whose callback could not be completed for a reason on our or BigCommerce's
   * side, so that a retry of the same token is not taken for a replay.
   */
  public void release(SignedPayloadVerifier.Caller caller) {
    db.write(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM bc_callback_token WHERE jti = ?")) {
            delete.setString(1, caller.jti());
            return delete.executeUpdate();
          }
        });
  }

  /** Deletes the records of tokens that can no longer verify; returns how many. */
  public int deleteExpired() {
    return db.write(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM bc_callback_token WHERE expires_at_ms < ?")) {
            delete.setLong(1, clock.millis());
            return delete.executeUpdate();
          }
        });
  }
}
