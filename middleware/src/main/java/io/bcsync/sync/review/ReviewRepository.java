package io.bcsync.sync.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** {@code sync_review}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ReviewRepository extends GenericRepository<ReviewRow, Long> {

  ReviewRow save(ReviewRow row);

  Optional<ReviewRow> findById(long id);

  @Query("SELECT id FROM sync_review WHERE open_key = :openKey")
  Optional<Long> findOpen(String openKey);

  @Query("SELECT * FROM sync_review ORDER BY id LIMIT :limit")
  List<ReviewRow> first(int limit);

  @Query("SELECT * FROM sync_review WHERE status = :status ORDER BY id LIMIT :limit")
  List<ReviewRow> firstWithStatus(String status, int limit);

  @Query(
      "SELECT * FROM sync_review WHERE status = :status AND id > :afterId ORDER BY id"
          + " LIMIT :limit")
  List<ReviewRow> pageWithStatus(String status, long afterId, int limit);

  @Query(
      "SELECT * FROM sync_review WHERE status = 'resolved' ORDER BY resolved_at_ms DESC, id DESC"
          + " LIMIT :limit")
  List<ReviewRow> latestResolved(int limit);

  @Query(
      "SELECT * FROM sync_review WHERE store_hash = :storeHash AND status = :status"
          + " AND customer_key IN (:customerKeys) ORDER BY id")
  List<ReviewRow> ofCustomers(String storeHash, String status, Collection<String> customerKeys);

  /** Resolves an open review and frees its customer's open key; 0 when it was not open. */
  @Query(
      "UPDATE sync_review SET status = 'resolved', resolution = :resolution,"
          + " resolved_contact_id = :contactId, resolved_at_ms = :now, open_key = NULL,"
          + " resolved_by = :resolvedBy WHERE id = :id AND status = 'open'")
  int resolve(long id, String resolution, @Nullable String contactId, long now, String resolvedBy);
}
