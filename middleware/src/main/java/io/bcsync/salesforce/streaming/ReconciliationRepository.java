package io.bcsync.salesforce.streaming;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** {@code salesforce_reconciliation}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ReconciliationRepository extends GenericRepository<ReconciliationRow, Long> {

  ReconciliationRow save(ReconciliationRow row);

  @Query(
      "SELECT * FROM salesforce_reconciliation WHERE status = 'PENDING' ORDER BY id LIMIT :limit")
  List<ReconciliationRow> pending(int limit);

  @Query(
      "SELECT * FROM salesforce_reconciliation WHERE entity = :entity AND reason = :reason"
          + " ORDER BY id DESC LIMIT 1")
  List<ReconciliationRow> latest(String entity, String reason);

  @Query("SELECT * FROM salesforce_reconciliation ORDER BY id DESC LIMIT :limit")
  List<ReconciliationRow> recent(int limit);

  @Query(
      "UPDATE salesforce_reconciliation SET status = :status, records_enqueued = :records,"
          + " finished_at_ms = :now, last_error = :error WHERE id = :id")
  int finish(long id, String status, int records, long now, @Nullable String error);
}
