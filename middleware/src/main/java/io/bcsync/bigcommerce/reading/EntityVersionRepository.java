package io.bcsync.bigcommerce.reading;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

/** {@code bc_entity_version}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface EntityVersionRepository
    extends GenericRepository<EntityVersionRow, EntityVersionRow.Key> {

  EntityVersionRow save(EntityVersionRow row);

  /** Only forwards: a slow reader that read an older version cannot undo a newer one. */
  @Query(
      "UPDATE bc_entity_version SET date_modified_ms = :dateModifiedMs, read_at_ms = :readAtMs"
          + " WHERE store_hash = :storeHash AND entity_type = :entityType AND entity_id = :entityId"
          + " AND date_modified_ms <= :dateModifiedMs")
  int advance(
      String storeHash, String entityType, String entityId, long dateModifiedMs, long readAtMs);

  // USE INDEX: H2 would otherwise walk every row of the store and type (V34).
  @Query(
      "SELECT * FROM bc_entity_version USE INDEX (ix_bc_entity_version_entity_id)"
          + " WHERE store_hash = :storeHash AND entity_type = :entityType"
          + " AND entity_id IN (:entityIds)")
  List<EntityVersionRow> find(String storeHash, String entityType, Collection<String> entityIds);

  @Query("DELETE FROM bc_entity_version WHERE store_hash = :storeHash")
  int deleteStore(String storeHash);
}
