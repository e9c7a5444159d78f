package io.bcsync.sync.changes;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

/** {@code salesforce_change}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface SalesforceChangeRepository extends GenericRepository<SalesforceChangeRow, Long> {

  List<SalesforceChangeRow> saveAll(Iterable<SalesforceChangeRow> rows);

  @Query("SELECT * FROM salesforce_change WHERE id < :beforeId ORDER BY id DESC LIMIT :limit")
  List<SalesforceChangeRow> newest(long beforeId, int limit);

  @Query(
      "SELECT * FROM salesforce_change WHERE sobject = :sobject AND id < :beforeId"
          + " ORDER BY id DESC LIMIT :limit")
  List<SalesforceChangeRow> newestOf(String sobject, long beforeId, int limit);

  @Query(
      "SELECT * FROM salesforce_change WHERE sobject = :sobject AND record_id = :recordId"
          + " AND id < :beforeId ORDER BY id DESC LIMIT :limit")
  List<SalesforceChangeRow> newestOfRecord(
      String sobject, String recordId, long beforeId, int limit);

  @Query("DELETE FROM salesforce_change WHERE recorded_at_ms < :before")
  int deleteRecordedBefore(long before);
}
