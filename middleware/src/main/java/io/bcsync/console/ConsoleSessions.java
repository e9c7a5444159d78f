package io.bcsync.console;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Console sessions, kept in the database ({@code console_session}, V26) so every instance of a
 * cluster accepts them and a sign-out ends a session everywhere. The browser holds a random 256-bit
 * id; the table holds its SHA-256 only, and the session's CSRF token. A session ends {@link #TTL}
 * after sign-in, whatever the activity (no sliding expiry: a stolen cookie is worth 8 hours at
 * most).
 */
@Singleton
public class ConsoleSessions {
  static final Duration TTL = Duration.ofHours(8);

  private final Db db;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public ConsoleSessions(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A signed-in session: {@code cookieValue} goes to the browser only, never to a log. */
  public record Session(String cookieValue, String csrfToken, long expiresAtMs) {
    @Override
    public String toString() {
      return "Session[****]";
    }
  }

  /** Starts a session (and deletes expired ones, so the table stays small without a job). */
  public Session create() {
    String id = randomToken();
    String csrf = randomToken();
    long now = clock.millis();
    long expires = now + TTL.toMillis();
    db.write(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM console_session WHERE expires_at_ms <= ?")) {
            delete.setLong(1, now);
            delete.executeUpdate();
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO console_session (id_hash, csrf_token, created_at_ms, expires_at_ms)"
                      + " VALUES (?, ?, ?, ?)")) {
            insert.setString(1, hash(id));
            insert.setString(2, csrf);
            insert.setLong(3, now);
            insert.setLong(4, expires);
            insert.executeUpdate();
          }
          return null;
        });
    return new Session(id, csrf, expires);
  }

  /** The live session a cookie value names, if any. */
  public Optional<Session> find(String cookieValue) {
    if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
      return Optional.empty();
    }
    long now = clock.millis();
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT csrf_token, expires_at_ms FROM console_session"
                      + " WHERE id_hash = ? AND expires_at_ms > ?")) {
            select.setString(1, hash(cookieValue));
            select.setLong(2, now);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next()
                  ? Optional.of(new Session(cookieValue, rs.getString(1), rs.getLong(2)))
                  : Optional.<Session>empty();
            }
          }
        });
  }

  /** Ends the session: no instance accepts its cookie afterwards. */
  public void end(Session session) {
    db.write(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM console_session WHERE id_hash = ?")) {
            delete.setString(1, hash(session.cookieValue()));
            delete.executeUpdate();
          }
          return null;
        });
  }

  /** Whether {@code presented} is the session's CSRF token, compared in constant time. */
  public static boolean csrfMatches(Session session, String presented) {
    return presented != null
        && MessageDigest.isEqual(
            session.csrfToken().getBytes(StandardCharsets.UTF_8),
            presented.getBytes(StandardCharsets.UTF_8));
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
