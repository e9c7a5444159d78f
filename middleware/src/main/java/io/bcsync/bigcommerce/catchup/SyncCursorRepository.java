package io.bcsync.bigcommerce.catchup;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

/** {@code bc_sync_cursor}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface SyncCursorRepository extends GenericRepository<SyncCursorRow, SyncCursorRow.Key> {

  Optional<SyncCursorRow> findById(SyncCursorRow.Key id);

  SyncCursorRow save(SyncCursorRow row);

  /** GREATEST: a poll that read an older page cannot move the mark backwards. */
  @Query(
      "UPDATE bc_sync_cursor SET high_water_ms = GREATEST(high_water_ms, :highWaterMs),"
          + " polled_at_ms = :polledAtMs WHERE store_hash = :storeHash AND resource = :resource")
  int advance(String storeHash, String resource, long highWaterMs, long polledAtMs);

  @Query("SELECT MAX(polled_at_ms) FROM bc_sync_cursor WHERE store_hash = :storeHash")
  Optional<Long> lastPolledAt(String storeHash);

  @Query("DELETE FROM bc_sync_cursor WHERE store_hash = :storeHash")
  int deleteStore(String storeHash);
}
