package io.bcsync.salesforce.auth;

import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import io.bcsync.security.TokenCipher;
import java.time.Clock;
import java.util.Optional;

/**
 * The web-server flow's refresh token, encrypted at rest, one row per connection (today:
 * "default").
 */
public class CredentialStore {
  static final String NAME = "default";

  /** Associated data: a sealed value copied into another row or column does not decrypt. */
  private static final String CONTEXT = "salesforce_credential:" + NAME + ":refresh_token";

  private final Db db;
  private final CredentialRepository rows;
  private final TokenCipher cipher;
  private final Clock clock;

  CredentialStore(Db db, CredentialRepository rows, TokenCipher cipher, Clock clock) {
    this.db = db;
    this.rows = rows;
    this.cipher = cipher;
    this.clock = clock;
  }

  private TokenCipher cipher() {
    if (!cipher.isConfigured()) {
      throw new SalesforceAuthException(
          "bcsync.salesforce.token-encryption-key is not set: refresh tokens cannot be"
              + " stored or read",
          false,
          null);
    }
    return cipher;
  }

  public record StoredCredential(String refreshToken, String instanceUrl, String userId) {
    @Override
    public String toString() {
      return "StoredCredential[instanceUrl="
          + instanceUrl
          + ", userId="
          + userId
          + ", refreshToken=****]";
    }
  }

  public void save(String refreshToken, String instanceUrl, String userId) {
    save(refreshToken, instanceUrl, userId, null);
  }

  /**
   * @param orgId the org the token belongs to, kept so that replacing the connection names both
   *     orgs (null when unknown)
   */
  public void save(String refreshToken, String instanceUrl, String userId, String orgId) {
    String sealed = cipher().encrypt(refreshToken, CONTEXT);
    long now = clock.millis();
    db.write(
        () -> {
          Upsert.updateElseInsert(
              () -> rows.replace(NAME, sealed, instanceUrl, userId, now),
              () -> rows.save(new CredentialRow(NAME, sealed, instanceUrl, userId, now)));
          return rows.setOrgId(NAME, orgId);
        });
  }

  /** True when a credential is stored, even one the configured keys can no longer decrypt. */
  public boolean isPresent() {
    return sealedValue().isPresent();
  }

  /** The stored connection's org id; empty when not connected or stored before it was kept. */
  public Optional<String> orgId() {
    return db.read(() -> rows.findOrgId(NAME));
  }

  /** Where the stored connection points, without decrypting it (for messages and logs). */
  public Optional<String> instanceUrl() {
    return db.read(() -> rows.findById(NAME)).map(CredentialRow::instanceUrl);
  }

  /**
   * The stored credential, re-sealed with the current key when a previous key made it.
   *
   * @throws CredentialUnreadableException when a credential is stored but no configured key opens
   *     it: callers treat Salesforce as not connected
   */
  public Optional<StoredCredential> load() {
    return db.read(() -> rows.findById(NAME)).map(this::open);
  }

  private StoredCredential open(CredentialRow row) {
    String refreshToken =
        cipher()
            .decrypt(row.refreshTokenEnc(), CONTEXT)
            .orElseThrow(CredentialUnreadableException::new);
    if (cipher.needsReencryption(row.refreshTokenEnc())) {
      reseal(row, refreshToken);
    }
    return new StoredCredential(refreshToken, row.instanceUrl(), row.userId());
  }

  /**
   * Rewrites the row under the current key unless it changed since it was read (a new connection
   * committed meanwhile wins); false then.
   */
  boolean reseal(CredentialRow read, String refreshToken) {
    String sealed = cipher().encrypt(refreshToken, CONTEXT);
    return db.write(() -> rows.reseal(NAME, sealed, read.refreshTokenEnc())) == 1;
  }

  /** Raw stored column, for tests proving the token is not stored in clear. */
  public Optional<String> sealedValue() {
    return db.read(() -> rows.findById(NAME)).map(CredentialRow::refreshTokenEnc);
  }

  public void delete() {
    db.write(() -> rows.delete(NAME));
  }
}
