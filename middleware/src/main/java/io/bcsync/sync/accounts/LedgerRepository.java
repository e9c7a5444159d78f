package io.bcsync.sync.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/** {@code sync_order_ledger}; called only inside a {@link io.bcsync.db.Db} transaction. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface LedgerRepository extends GenericRepository<LedgerRow, LedgerRow.Key> {

  LedgerRow save(LedgerRow row);

  @Query(
      "UPDATE sync_order_ledger SET company_key = :companyKey, total = :total,"
          + " order_date_ms = :orderDateMs, counted = :counted, product_ids = :productIds,"
          + " written_at_ms = :writtenAtMs, contact_id = :contactId, customer_key = :customerKey"
          + " WHERE store_hash = :storeHash AND order_id = :orderId")
  int replace(
      String storeHash,
      long orderId,
      String companyKey,
      BigDecimal total,
      long orderDateMs,
      int counted,
      String productIds,
      long writtenAtMs,
      @Nullable String contactId,
      @Nullable String customerKey);

  @Query(
      "SELECT * FROM sync_order_ledger WHERE store_hash = :storeHash AND counted = 1"
          + " AND company_key IN (:companyKeys)")
  List<LedgerRow> counted(String storeHash, Collection<String> companyKeys);

  /** Sums, never increments: a retried or duplicated order is one row, counted once. */
  @Query(
      "SELECT company_key, SUM(total) AS revenue, COUNT(*) AS orders,"
          + " MIN(order_date_ms) AS first_order_ms, MAX(order_date_ms) AS last_order_ms"
          + " FROM sync_order_ledger WHERE store_hash = :storeHash AND counted = 1"
          + " AND company_key IN (:companyKeys) GROUP BY company_key")
  List<CompanyTotals> totals(String storeHash, Collection<String> companyKeys);

  // USE INDEX: H2 would otherwise walk every ledger row of the store (V34).
  @Query(
      "SELECT * FROM sync_order_ledger USE INDEX (ix_sync_order_ledger_customer_key)"
          + " WHERE store_hash = :storeHash AND counted = 1 AND customer_key IN (:customerKeys)")
  List<LedgerRow> countedOfCustomers(String storeHash, Collection<String> customerKeys);

  /** A customer's sums, as {@link #totals} for companies (named company_key for the mapping). */
  @Query(
      "SELECT customer_key AS company_key, SUM(total) AS revenue, COUNT(*) AS orders,"
          + " MIN(order_date_ms) AS first_order_ms, MAX(order_date_ms) AS last_order_ms"
          + " FROM sync_order_ledger USE INDEX (ix_sync_order_ledger_customer_key)"
          + " WHERE store_hash = :storeHash AND counted = 1"
          + " AND customer_key IN (:customerKeys) GROUP BY customer_key")
  List<CompanyTotals> customerTotals(String storeHash, Collection<String> customerKeys);

  /**
   * Customers whose last counted order is at or before {@code cutoffMs} and after ({@code afterMs},
   * {@code afterKey}), oldest last order first: the At Risk sweep's next page.
   */
  @Query(
      "SELECT customer_key, MAX(company_key) AS company_key, SUM(total) AS revenue,"
          + " COUNT(*) AS orders, MIN(order_date_ms) AS first_order_ms,"
          + " MAX(order_date_ms) AS last_order_ms"
          + " FROM sync_order_ledger WHERE store_hash = :storeHash AND counted = 1"
          + " AND customer_key IS NOT NULL GROUP BY customer_key"
          + " HAVING MAX(order_date_ms) <= :cutoffMs AND (MAX(order_date_ms) > :afterMs"
          + " OR (MAX(order_date_ms) = :afterMs AND customer_key > :afterKey))"
          + " ORDER BY last_order_ms, customer_key LIMIT :limit")
  List<CustomerTotals> lapsed(
      String storeHash, long cutoffMs, long afterMs, String afterKey, int limit);

  @Query("SELECT DISTINCT store_hash FROM sync_order_ledger WHERE customer_key IS NOT NULL")
  List<String> storesWithCustomers();
}
