package io.bcsync.sim.salesforce.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks session tokens. Sessions time out after a period without use (simulated time),
 * and can be expired or revoked on demand. Expired and revoked differ for streaming: a connected
 * CometD client survives expiry but not revocation, as in Salesforce.
 */
public final class SessionRegistry {
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final String orgId;
  private final Duration timeout;

  public SessionRegistry(Clock clock, String orgId, Duration timeout) {
    this.clock = clock;
    this.orgId = orgId;
    this.timeout = timeout;
  }

  public Session open(String userId, String clientId) {
    byte[] secret = new byte[48];
    random.nextBytes(secret);
    String token =
        orgId.substring(0, 15)
            + "!AQ"
            + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Session session = new Session(token, userId, clientId, clock.instant());
    sessions.put(token, session);
    return session;
  }

  /**
   * The live session for a token, refreshing its idle timer; empty when unknown, expired, timed out
   * or revoked.
   */
  public Optional<Session> use(String token) {
    Optional<Session> session = peek(token);
    session.ifPresent(s -> s.touch(clock.instant()));
    return session;
  }

  /** Like use() without counting as activity. */
  public Optional<Session> peek(String token) {
    Session session = token == null ? null : sessions.get(token);
    if (session == null || session.isRevoked() || session.isExpired()) {
      return Optional.empty();
    }
    if (session.lastUsed().plus(timeout).isBefore(clock.instant())) {
      session.expire();
      return Optional.empty();
    }
    return Optional.of(session);
  }

  /** Known and not revoked, even if expired: what a connected streaming client needs. */
  public boolean isRevoked(String token) {
    Session session = token == null ? null : sessions.get(token);
    return session == null || session.isRevoked();
  }

  public boolean expire(String token) {
    Session session = sessions.get(token);
    if (session != null) {
      session.expire();
    }
    return session != null;
  }

  public void expireAll() {
    sessions.values().forEach(Session::expire);
  }

  public boolean revoke(String token) {
    Session session = sessions.get(token);
    if (session != null) {
      session.revoke();
    }
    return session != null;
  }

  public void revokeAll() {
    sessions.values().forEach(Session::revoke);
  }

  public Duration timeout() {
    return timeout;
  }
}
