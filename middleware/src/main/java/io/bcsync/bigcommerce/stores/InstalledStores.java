package io.bcsync.bigcommerce.stores;

import io.bcsync.db.Db;
import io.bcsync.security.TokenCipher;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores that installed the app: the {@code bc_store} table, with secrets encrypted by {@link
 * TokenCipher}.
 */
@Singleton
public class InstalledStores {
  private static final Logger LOG = LoggerFactory.getLogger(InstalledStores.class);
  static final String INSTALLED = "INSTALLED";
  static final String UNINSTALLED = "UNINSTALLED";

  private final Db db;
  private final TokenCipher cipher;
  private final Clock clock;

  public InstalledStores(Db db, TokenCipher cipher, Clock clock) {
    this.db = db;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** A store as stored, secrets decrypted; empty secrets mean uninstalled or undecryptable. */
  public record InstalledStore(
      String storeHash,
      boolean installed,
      Optional<String> accessToken,
      Optional<String> webhookSecret,
      String scopes,
      long installedAtMs,
      Long uninstalledAtMs) {
    @Override
    public String toString() {
      return "InstalledStore[" + storeHash + ", installed=" + installed + "]";
    }
  }

  /**
   * Records an install or a re-install: the token and hook secret are replaced, the store is active
   * again.
   */
  public void saveInstall(
      String storeHash,
      String accessToken,
      String webhookSecret,
      String scopes,
      String ownerEmail) {
    long now = clock.millis();
    String token = cipher.encrypt(accessToken, context(storeHash, "access_token"));
    String secret = cipher.encrypt(webhookSecret, context(storeHash, "webhook_secret"));
    db.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE bc_store SET status = ?, access_token_enc = ?, webhook_secret_enc = ?, scopes = ?,"
                      + " owner_email = ?, updated_at_ms = ?, uninstalled_at_ms = NULL WHERE store_hash = ?")) {
            update.setString(1, INSTALLED);
            update.setString(2, token);
            update.setString(3, secret);
            update.setString(4, scopes);
            update.setString(5, ownerEmail);
            update.setLong(6, now);
            update.setString(7, storeHash);
            if (update.executeUpdate() == 1) {
              return null;
            }
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO bc_store (store_hash, status, access_token_enc, webhook_secret_enc, scopes, owner_email,"
                      + " installed_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, storeHash);
            insert.setString(2, INSTALLED);
            insert.setString(3, token);
            insert.setString(4, secret);
            insert.setString(5, scopes);
            insert.setString(6, ownerEmail);
            insert.setLong(7, now);
            insert.setLong(8, now);
            insert.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Deletes the store's secrets and marks it uninstalled; returns false when it was not installed.
   */
  public boolean markUninstalled(String storeHash) {
    long now = clock.millis();
    return db.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE bc_store SET status = ?, access_token_enc = NULL, webhook_secret_enc = NULL,"
                      + " updated_at_ms = ?, uninstalled_at_ms = ? WHERE store_hash = ? AND status = ?")) {
            update.setString(1, UNINSTALLED);
            update.setLong(2, now);
            update.setLong(3, now);
            update.setString(4, storeHash);
            update.setString(5, INSTALLED);
            return update.executeUpdate() == 1;
          }
        });
  }

  public Optional<InstalledStore> find(String storeHash) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(SELECT + " WHERE store_hash = ?")) {
            select.setString(1, storeHash);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? Optional.of(map(rs)) : Optional.<InstalledStore>empty();
            }
          }
        });
  }

  public List<InstalledStore> installed() {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(SELECT + " WHERE status = ? ORDER BY store_hash")) {
            select.setString(1, INSTALLED);
            try (ResultSet rs = select.executeQuery()) {
              List<InstalledStore> stores = new ArrayList<>();
              while (rs.next()) {
                stores.add(map(rs));
              }
              return stores;
            }
          }
        });
  }

  /**
   * Hashes of stores uninstalled before {@code cutoffMs}, whose history the retention job may
   * delete.
   */
  public List<String> uninstalledBefore(long cutoffMs) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT store_hash FROM bc_store WHERE status = ? AND uninstalled_at_ms < ?")) {
            select.setString(1, UNINSTALLED);
            select.setLong(2, cutoffMs);
            try (ResultSet rs = select.executeQuery()) {
              List<String> hashes = new ArrayList<>();
              while (rs.next()) {
                hashes.add(rs.getString(1));
              }
              return hashes;
            }
          }
        });
  }

  /**
   * Rewrites secrets sealed with a previous key under the current key; returns how many rows
   * changed.
   */
  public int reencryptWithCurrentKey() {
    if (!cipher.isConfigured()) {
      return 0;
    }
    return db.write(
        connection -> {
          int changed = 0;
          List<String[]> rows = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT store_hash, access_token_enc, webhook_secret_enc FROM bc_store WHERE status = ?")) {
            select.setString(1, INSTALLED);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
              }
            }
          }
          for (String[] row : rows) {
            if (!cipher.needsReencryption(row[1]) && !cipher.needsReencryption(row[2])) {
              continue;
            }
            Optional<String> token = cipher.decrypt(row[1], context(row[0], "access_token"));
            Optional<String> secret = cipher.decrypt(row[2], context(row[0], "webhook_secret"));
            if (token.isEmpty() || secret.isEmpty()) {
              LOG.error(
                  "Secrets of store {} cannot be decrypted with any configured key; reinstall the app there",
                  row[0]);
              continue;
            }
            try (PreparedStatement update =
                connection.prepareStatement(
                    "UPDATE bc_store SET access_token_enc = ?, webhook_secret_enc = ? WHERE store_hash = ?")) {
              update.setString(1, cipher.encrypt(token.get(), context(row[0], "access_token")));
              update.setString(2, cipher.encrypt(secret.get(), context(row[0], "webhook_secret")));
              update.setString(3, row[0]);
              changed += update.executeUpdate();
            }
          }
          return changed;
        });
  }

  private static final String SELECT =
      "SELECT store_hash, status, access_token_enc, webhook_secret_enc, scopes,"
          + " installed_at_ms, uninstalled_at_ms FROM bc_store";

  private InstalledStore map(ResultSet rs) throws SQLException {
    String hash = rs.getString(1);
    long uninstalledAt = rs.getLong(7);
    Long uninstalled = rs.wasNull() ? null : uninstalledAt;
    Optional<String> token =
        Optional.ofNullable(rs.getString(3))
            .flatMap(encrypted -> cipher.decrypt(encrypted, context(hash, "access_token")));
    Optional<String> secret =
        Optional.ofNullable(rs.getString(4))
            .flatMap(encrypted -> cipher.decrypt(encrypted, context(hash, "webhook_secret")));
    return new InstalledStore(
        hash,
        INSTALLED.equals(rs.getString(2)),
        token,
        secret,
        rs.getString(5),
        rs.getLong(6),
        uninstalled);
  }

  private static String context(String storeHash, String column) {
    return "bc_store/" + storeHash + "/" + column;
  }
}
