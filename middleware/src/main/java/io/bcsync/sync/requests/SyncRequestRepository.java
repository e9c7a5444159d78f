package io.bcsync.sync.requests;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

/** {@code sync_request}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface SyncRequestRepository extends GenericRepository<SyncRequestRow, Long> {

  SyncRequestRow save(SyncRequestRow row);

  SyncRequestRow update(SyncRequestRow row);

  List<SyncRequestRow> findByIdIn(Collection<Long> ids);

  List<SyncRequestRow> findByRequestItemIdIn(Collection<Long> requestItemIds);

  /** Requests still waiting for the outcome of their entity's work item. */
  @Query(
      "SELECT * FROM sync_request WHERE target_key IN (:targetKeys)"
          + " AND status IN ('QUEUED', 'RETRYING')")
  List<SyncRequestRow> openFor(Collection<String> targetKeys);

  @Query("UPDATE sync_request SET published_status = :published WHERE id = :id")
  int markPublished(long id, String published);

  @Query("SELECT * FROM sync_request WHERE id < :beforeId ORDER BY id DESC LIMIT :limit")
  List<SyncRequestRow> newest(long beforeId, int limit);

  /** Only answered requests: one still owing its status is kept however old. */
  @Query(
      "DELETE FROM sync_request WHERE updated_at_ms < :before"
          + " AND status IN ('SUCCESS', 'FAILED', 'SKIPPED') AND published_status = status")
  int deleteAnsweredBefore(long before);
}
