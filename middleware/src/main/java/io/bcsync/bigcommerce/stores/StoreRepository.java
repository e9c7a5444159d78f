package io.bcsync.bigcommerce.stores;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/** {@code bc_store}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface StoreRepository extends GenericRepository<StoreRow, String> {

  Optional<StoreRow> findById(String storeHash);

  List<StoreRow> findByStatusOrderByStoreHash(String status);

  StoreRow save(StoreRow row);

  /** A re-install: new secrets, active again; the first install time stays. */
  @Query(
      "UPDATE bc_store SET status = 'INSTALLED', access_token_enc = :accessTokenEnc,"
          + " webhook_secret_enc = :webhookSecretEnc, scopes = :scopes, owner_email = :ownerEmail,"
          + " updated_at_ms = :now, uninstalled_at_ms = NULL WHERE store_hash = :storeHash")
  int reinstall(
      String storeHash,
      String accessTokenEnc,
      String webhookSecretEnc,
      @Nullable String scopes,
      @Nullable String ownerEmail,
      long now);

  /** Forgets the secrets of an installed store; 0 when it was not installed. */
  @Query(
      "UPDATE bc_store SET status = 'UNINSTALLED', access_token_enc = NULL,"
          + " webhook_secret_enc = NULL, updated_at_ms = :now, uninstalled_at_ms = :now"
          + " WHERE store_hash = :storeHash AND status = 'INSTALLED'")
  int markUninstalled(String storeHash, long now);

  @Query(
      "SELECT store_hash FROM bc_store WHERE status = 'UNINSTALLED' AND uninstalled_at_ms < :cutoffMs")
  List<String> uninstalledBefore(long cutoffMs);

  /**
   * Compare-and-set for key rotation: 0 when the row no longer holds the secrets that were read
   * (re-installed or uninstalled meanwhile), so a concurrent change is never overwritten.
   */
  @Query(
      "UPDATE bc_store SET access_token_enc = :accessTokenEnc, webhook_secret_enc = :webhookSecretEnc"
          + " WHERE store_hash = :storeHash AND status = 'INSTALLED'"
          + " AND access_token_enc = :readAccessTokenEnc AND webhook_secret_enc = :readWebhookSecretEnc")
  int reseal(
      String storeHash,
      String accessTokenEnc,
      String webhookSecretEnc,
      String readAccessTokenEnc,
      String readWebhookSecretEnc);

  /** Only an uninstalled store's row: a store installed again meanwhile keeps it. */
  @Query("DELETE FROM bc_store WHERE store_hash = :storeHash AND status = 'UNINSTALLED'")
  int deleteUninstalled(String storeHash);
}
