package io.bcsync.backfill;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/**
 * {@code backfill_job}; called only inside a {@link io.bcsync.db.Db} transaction. Every state
 * change is conditional on the job still being active (RUNNING or PAUSED), so a cancel and a page
 * never both win.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface BackfillJobRepository extends GenericRepository<BackfillJobRow, Long> {

  BackfillJobRow save(BackfillJobRow row);

  Optional<BackfillJobRow> findById(long id);

  Optional<BackfillJobRow> findByActiveStore(String activeStore);

  @Query("SELECT * FROM backfill_job WHERE state IN ('RUNNING', 'PAUSED') ORDER BY id")
  List<BackfillJobRow> active();

  @Query("SELECT * FROM backfill_job ORDER BY id DESC LIMIT :limit")
  List<BackfillJobRow> latest(int limit);

  @Query("SELECT * FROM backfill_job WHERE store_hash = :storeHash ORDER BY id DESC LIMIT :limit")
  List<BackfillJobRow> latestOf(String storeHash, int limit);

  /**
   * Moves the cursor past a page and adds what it enqueued; 0 when the job was cancelled, failed or
   * advanced by someone else since {@code pagesRead} was read (the row's version).
   */
  @Query(
      "UPDATE backfill_job SET phase = :phase, customer_page = :customerPage,"
          + " customers_total = :customersTotal, order_after_id = :orderAfterId,"
          + " orders_first_id = :ordersFirstId, orders_max_id = :ordersMaxId,"
          + " customers_enqueued = customers_enqueued + :customers,"
          + " orders_enqueued = orders_enqueued + :orders, pages_read = pages_read + 1,"
          + " consecutive_failures = 0, last_error = NULL, updated_at_ms = :now"
          + " WHERE id = :id AND pages_read = :pagesRead AND state IN ('RUNNING', 'PAUSED')")
  int savePage(
      long id,
      long pagesRead,
      String phase,
      int customerPage,
      @Nullable Long customersTotal,
      long orderAfterId,
      @Nullable Long ordersFirstId,
      @Nullable Long ordersMaxId,
      long customers,
      long orders,
      long now);

  /** Ends a job DONE, freeing its store for the next backfill. */
  @Query(
      "UPDATE backfill_job SET state = 'DONE', active_store = NULL, finished_at_ms = :now"
          + " WHERE id = :id AND state IN ('RUNNING', 'PAUSED')")
  int finish(long id, long now);

  @Query(
      "UPDATE backfill_job SET state = 'PAUSED', paused_at_ms = :now, updated_at_ms = :now"
          + " WHERE id = :id AND state = 'RUNNING'")
  int pause(long id, long now);

  @Query(
      "UPDATE backfill_job SET state = 'RUNNING', paused_at_ms = NULL, updated_at_ms = :now"
          + " WHERE id = :id AND state = 'PAUSED'")
  int resume(long id, long now);

  @Query(
      "UPDATE backfill_job SET consecutive_failures = consecutive_failures + 1,"
          + " last_error = :error, updated_at_ms = :now"
          + " WHERE id = :id AND state IN ('RUNNING', 'PAUSED')")
  int countFailure(long id, String error, long now);

  @Query(
      "UPDATE backfill_job SET state = 'FAILED', active_store = NULL, finished_at_ms = :now"
          + " WHERE id = :id AND consecutive_failures >= :maxFailures"
          + " AND state IN ('RUNNING', 'PAUSED')")
  int failAfter(long id, int maxFailures, long now);

  @Query(
      "UPDATE backfill_job SET state = 'CANCELLED', active_store = NULL, finished_at_ms = :now,"
          + " updated_at_ms = :now WHERE id = :id AND state IN ('RUNNING', 'PAUSED')")
  int cancel(long id, long now);

  @Query(
      "DELETE FROM backfill_item WHERE backfill_id IN"
          + " (SELECT id FROM backfill_job WHERE store_hash = :storeHash)")
  int deleteItemsOfStore(String storeHash);

  @Query(
      "DELETE FROM backfill_item_pruned WHERE backfill_id IN"
          + " (SELECT id FROM backfill_job WHERE store_hash = :storeHash)")
  int deletePrunedCountsOfStore(String storeHash);

  @Query("DELETE FROM backfill_job WHERE store_hash = :storeHash")
  int deleteStore(String storeHash);
}
