package io.bcsync.sync.customers;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;

/** {@code sync_customer_claim}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ClaimRepository extends GenericRepository<ClaimRow, ClaimRow.Key> {

  ClaimRow save(ClaimRow row);

  /** 1 when the customer's claim had expired and is now {@code holder}'s. */
  @Query(
      "UPDATE sync_customer_claim SET claimed_by = :holder, expires_at_ms = :expiresAtMs"
          + " WHERE store_hash = :storeHash AND customer_key = :customerKey AND expires_at_ms < :now")
  int takeOverExpired(
      String storeHash, String customerKey, String holder, long expiresAtMs, long now);

  @Query(
      "SELECT COUNT(*) FROM sync_customer_claim WHERE store_hash = :storeHash"
          + " AND expires_at_ms >= :now AND customer_key IN (:customerKeys)")
  long countLive(String storeHash, long now, Collection<String> customerKeys);

  @Query("DELETE FROM sync_customer_claim WHERE expires_at_ms < :before")
  int deleteExpiredBefore(long before);

  /** Extends {@code holder}'s rows only: one taken over after expiry is no longer renewed. */
  @Query(
      "UPDATE sync_customer_claim SET expires_at_ms = :expiresAtMs WHERE store_hash = :storeHash"
          + " AND claimed_by = :holder AND customer_key IN (:customerKeys)")
  int renew(String storeHash, String holder, long expiresAtMs, Collection<String> customerKeys);

  /** Only {@code holder}'s rows: one taken over after expiry belongs to its new holder. */
  @Query(
      "DELETE FROM sync_customer_claim WHERE store_hash = :storeHash AND claimed_by = :holder"
          + " AND customer_key IN (:customerKeys)")
  int release(String storeHash, String holder, Collection<String> customerKeys);
}
