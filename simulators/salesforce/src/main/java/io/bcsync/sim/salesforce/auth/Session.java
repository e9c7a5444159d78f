package io.bcsync.sim.salesforce.auth;

import java.time.Instant;

/**
 * A session id / OAuth access token. Salesforce uses one token for both, so the simulator does too.
 */
public final class Session {
  private final String token;
  private final String userId;
  private final String clientId;
  private volatile Instant lastUsed;
  private volatile boolean expired;
  private volatile boolean revoked;

  Session(String token, String userId, String clientId, Instant issuedAt) {
    this.token = token;
    this.userId = userId;
    this.clientId = clientId;
    this.lastUsed = issuedAt;
  }

  public String token() {
    return token;
  }

  public String userId() {
    return userId;
  }

  /** Connected-app consumer key for OAuth tokens, null for SOAP logins. */
  public String clientId() {
    return clientId;
  }

  public boolean isRevoked() {
    return revoked;
  }

  Instant lastUsed() {
    return lastUsed;
  }

  boolean isExpired() {
    return expired;
  }

  void touch(Instant now) {
    lastUsed = now;
  }

  void expire() {
    expired = true;
  }

  void revoke() {
    revoked = true;
  }
}
