package io.bcsync.sync.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

/** {@code sync_identity}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface IdentityRepository extends GenericRepository<IdentityRow, IdentityRow.Key> {

  IdentityRow save(IdentityRow row);

  /** One batched insert (a multi-row statement on MySQL/MariaDB); fails whole on a duplicate. */
  List<IdentityRow> saveAll(Iterable<IdentityRow> rows);

  // USE INDEX: H2 would otherwise walk every row of the store and type (V34).
  @Query(
      "SELECT * FROM sync_identity USE INDEX (ix_sync_identity_bc_id)"
          + " WHERE store_hash = :storeHash AND bc_type = :bcType AND bc_id IN (:bcIds)")
  List<IdentityRow> find(String storeHash, String bcType, Collection<String> bcIds);

  @Query(
      "SELECT * FROM sync_identity USE INDEX (ix_sync_identity_parent_bc_id)"
          + " WHERE store_hash = :storeHash AND bc_type = :bcType"
          + " AND parent_bc_id IN (:parentBcIds)")
  List<IdentityRow> children(String storeHash, String bcType, Collection<String> parentBcIds);

  /**
   * Points the row at what was written now. A write that decided nothing (matchedBy null: the
   * customer was already linked) keeps the reason of the link.
   */
  @Query(
      "UPDATE sync_identity SET sf_object = :sfObject, sf_id = :sfId, account_id = :accountId,"
          + " parent_bc_id = :parentBcId, bc_modified_ms = :bcModifiedMs,"
          + " written_at_ms = :writtenAtMs, matched_by = COALESCE(:matchedBy, matched_by)"
          + " WHERE store_hash = :storeHash AND bc_type = :bcType AND bc_id = :bcId")
  int replace(
      String storeHash,
      String bcType,
      String bcId,
      String sfObject,
      String sfId,
      @Nullable String accountId,
      @Nullable String parentBcId,
      @Nullable Long bcModifiedMs,
      long writtenAtMs,
      @Nullable String matchedBy);

  /** Rows linking this Salesforce record (index ix_sync_identity_sf_id). */
  @Query("SELECT * FROM sync_identity WHERE sf_id = :sfId")
  List<IdentityRow> findBySfId(String sfId);

  /** Only while the row still points at {@code sfId}. */
  @Query(
      "DELETE FROM sync_identity WHERE store_hash = :storeHash AND bc_type = :bcType"
          + " AND bc_id = :bcId AND sf_id = :sfId")
  int deleteRecord(String storeHash, String bcType, String bcId, String sfId);
}
