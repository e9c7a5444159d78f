package io.bcsync.bigcommerce.stores;

import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import io.bcsync.security.TokenCipher;
import jakarta.inject.Singleton;
import java.time.Clock;
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

  private final Db db;
  private final StoreRepository rows;
  private final TokenCipher cipher;
  private final Clock clock;

  InstalledStores(Db db, StoreRepository rows, TokenCipher cipher, Clock clock) {
    this.db = db;
    this.rows = rows;
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
        () ->
            Upsert.updateElseInsert(
                () -> rows.reinstall(storeHash, token, secret, scopes, ownerEmail, now),
                () ->
                    rows.save(
                        new StoreRow(
                            storeHash,
                            INSTALLED,
                            token,
                            secret,
                            scopes,
                            ownerEmail,
                            now,
                            now,
                            null))));
  }

  /**
   * Deletes the store's secrets and marks it uninstalled; returns false when it was not installed.
   */
  public boolean markUninstalled(String storeHash) {
    long now = clock.millis();
    return db.write(() -> rows.markUninstalled(storeHash, now) == 1);
  }

  public Optional<InstalledStore> find(String storeHash) {
    return db.read(() -> rows.findById(storeHash)).map(this::decrypted);
  }

  public List<InstalledStore> installed() {
    return db.read(() -> rows.findByStatusOrderByStoreHash(INSTALLED)).stream()
        .map(this::decrypted)
        .toList();
  }

  /**
   * Hashes of stores uninstalled before {@code cutoffMs}, whose history the retention job may
   * delete.
   */
  public List<String> uninstalledBefore(long cutoffMs) {
    return db.read(() -> rows.uninstalledBefore(cutoffMs));
  }

  /**
   * Deletes the row of a store that is still uninstalled (the end of its retention); joins the
   * caller's transaction when there is one.
   */
  void deleteUninstalled(String storeHash) {
    db.write(() -> rows.deleteUninstalled(storeHash));
  }

  /**
   * Rewrites secrets sealed with a previous key under the current key; returns how many rows
   * changed. Each row is rewritten only if it still holds what was read (compare-and-set): an
   * install, re-install or uninstall that commits in between wins, instead of being overwritten
   * with the old secrets.
   */
  public int reencryptWithCurrentKey() {
    if (!cipher.isConfigured()) {
      return 0;
    }
    int changed = 0;
    for (StoreRow row : db.read(() -> rows.findByStatusOrderByStoreHash(INSTALLED))) {
      if (cipher.needsReencryption(row.accessTokenEnc())
          || cipher.needsReencryption(row.webhookSecretEnc())) {
        changed += reseal(row) ? 1 : 0;
      }
    }
    return changed;
  }

  /** Re-seals one row as read; false when it changed since, or cannot be decrypted. */
  boolean reseal(StoreRow read) {
    String hash = read.storeHash();
    Optional<String> token = open(read.accessTokenEnc(), hash, "access_token");
    Optional<String> secret = open(read.webhookSecretEnc(), hash, "webhook_secret");
    if (token.isEmpty() || secret.isEmpty()) {
      LOG.error(
          "Secrets of store {} cannot be decrypted with any configured key; reinstall the app there",
          hash);
      return false;
    }
    String newToken = cipher.encrypt(token.get(), context(hash, "access_token"));
    String newSecret = cipher.encrypt(secret.get(), context(hash, "webhook_secret"));
    boolean written =
        db.write(
                () ->
                    rows.reseal(
                        hash, newToken, newSecret, read.accessTokenEnc(), read.webhookSecretEnc()))
            == 1;
    if (!written) {
      LOG.info("Store {} changed while its secrets were re-encrypted; its new row is kept", hash);
    }
    return written;
  }

  private InstalledStore decrypted(StoreRow row) {
    String hash = row.storeHash();
    return new InstalledStore(
        hash,
        INSTALLED.equals(row.status()),
        open(row.accessTokenEnc(), hash, "access_token"),
        open(row.webhookSecretEnc(), hash, "webhook_secret"),
        row.scopes(),
        row.installedAtMs(),
        row.uninstalledAtMs());
  }

  private Optional<String> open(String sealed, String storeHash, String column) {
    return Optional.ofNullable(sealed)
        .flatMap(encrypted -> cipher.decrypt(encrypted, context(storeHash, column)));
  }

  private static String context(String storeHash, String column) {
    return "bc_store/" + storeHash + "/" + column;
  }
}
