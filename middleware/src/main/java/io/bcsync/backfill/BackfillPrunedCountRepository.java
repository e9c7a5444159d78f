package io.bcsync.backfill;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** {@code backfill_item_pruned}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface BackfillPrunedCountRepository
    extends GenericRepository<BackfillPrunedCountRow, BackfillPrunedCountRow.Key> {

  BackfillPrunedCountRow save(BackfillPrunedCountRow row);

  @Query(
      "UPDATE backfill_item_pruned SET item_count = item_count + :count"
          + " WHERE backfill_id = :backfillId AND entity_type = :entityType AND status = :status")
  int add(long backfillId, String entityType, String status, long count);

  @Query("SELECT * FROM backfill_item_pruned WHERE backfill_id = :backfillId")
  List<BackfillPrunedCountRow> ofBackfill(long backfillId);
}
