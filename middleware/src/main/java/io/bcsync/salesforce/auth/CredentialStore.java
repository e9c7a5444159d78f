package io.bcsync.salesforce.auth;

import io.bcsync.db.Db;
import io.bcsync.security.TokenCipher;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
  private final TokenCipher cipher;
  private final Clock clock;

  public CredentialStore(Db db, TokenCipher cipher, Clock clock) {
    this.db = db;
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
    String sealed = cipher().encrypt(refreshToken, CONTEXT);
    db.write(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM salesforce_credential WHERE name = ?")) {
            delete.setString(1, NAME);
            delete.executeUpdate();
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO salesforce_credential"
                      + " (name, refresh_token_enc, instance_url, user_id, connected_at_ms) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, NAME);
            insert.setString(2, sealed);
            insert.setString(3, instanceUrl);
            insert.setString(4, userId);
            insert.setLong(5, clock.millis());
            return insert.executeUpdate();
          }
        });
  }

  public Optional<StoredCredential> load() {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT refresh_token_enc, instance_url, user_id FROM salesforce_credential WHERE name = ?")) {
            select.setString(1, NAME);
            try (ResultSet rs = select.executeQuery()) {
              if (!rs.next()) {
                return Optional.<StoredCredential>empty();
              }
              // Wrong key (rotated without keeping the old one) or a tampered row: the operator
              // must connect again.
              String refreshToken =
                  cipher()
                      .decrypt(rs.getString(1), CONTEXT)
                      .orElseThrow(
                          () ->
                              new SalesforceAuthException(
                                  "The stored Salesforce refresh token cannot be decrypted with the"
                                      + " configured keys; connect Salesforce again",
                                  false,
                                  null));
              return Optional.of(
                  new StoredCredential(refreshToken, rs.getString(2), rs.getString(3)));
            }
          }
        });
  }

  /** Raw stored column, for tests proving the token is not stored in clear. */
  public Optional<String> sealedValue() {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT refresh_token_enc FROM salesforce_credential WHERE name = ?")) {
            select.setString(1, NAME);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  public void delete() {
    db.write(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM salesforce_credential WHERE name = ?")) {
            delete.setString(1, NAME);
            return delete.executeUpdate();
          }
        });
  }
}
