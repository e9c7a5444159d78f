package io.bcsync.backfill;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

/** {@code backfill_item}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface BackfillItemRepository extends GenericRepository<BackfillItemRow, BackfillItemRow.Key> {

  BackfillItemRow save(BackfillItemRow row);

  @Query(
      "SELECT entity_id FROM backfill_item WHERE backfill_id = :backfillId"
          + " AND entity_type = :entityType AND entity_id IN (:entityIds)")
  List<String> linked(long backfillId, String entityType, Collection<String> entityIds);

  /** Of {@code workItemIds}, those a running or paused backfill links to. */
  @Query(
      "SELECT l.work_item_id FROM backfill_item l JOIN backfill_job j ON j.id = l.backfill_id"
          + " WHERE l.work_item_id IN (:workItemIds) AND j.state IN ('RUNNING', 'PAUSED')")
  List<Long> linkedFromActive(Collection<Long> workItemIds);

  @Query("SELECT * FROM backfill_item WHERE work_item_id IN (:workItemIds)")
  List<BackfillItemRow> linking(Collection<Long> workItemIds);

  @Query("DELETE FROM backfill_item WHERE work_item_id IN (:workItemIds)")
  int unlink(Collection<Long> workItemIds);
}
