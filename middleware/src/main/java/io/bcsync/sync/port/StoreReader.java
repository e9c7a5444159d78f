package io.bcsync.sync.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: what flows read from a BigCommerce store, always in batches. Adapter: {@code
 * io.bcsync.bigcommerce.reading.BigCommerceStoreReader}, which also spends the store's rate budget
 * and records which versions it read (for the catch-up poll). Ids missing from an answer no longer
 * exist in the store (deleted or archived).
 *
 * <p>Failures are unchecked and already classified for the pipeline: a retryable one (rate limit,
 * timeout, 5xx) or a permanent one (the store refuses the call).
 */
public interface StoreReader {

  /** Whether the store can be read at all, before anything is asked of it. */
  StoreAccess access(String storeHash);

  /** The store's name as its owner set it ({@code GET /v2/store}), null when it has none. */
  String storeName(String storeHash);

  /**
   * The store's default currency, upper case: {@code currency} of {@code GET /v2/store} ("Default
   * currency code", store_information.v2.yml).
   */
  String defaultCurrency(String storeHash);

  /** The name of each of the store's customer groups, by group id. */
  Map<Long, String> customerGroupNames(String storeHash);

  /**
   * Orders as the sync mapping reads them: the V2 order with its {@code products}, {@code
   * shipping_addresses} and {@code coupons} arrays inlined.
   */
  Map<Long, StoreDocument> orders(String storeHash, Collection<Long> orderIds);

  /** Customers as the sync mapping reads them: the V3 customer with its {@code addresses}. */
  Map<Long, StoreDocument> customers(String storeHash, Collection<Long> customerIds);

  /** Catalog products: their categories and version. */
  Map<Long, StoreProduct> products(String storeHash, Collection<Long> productIds);

  /** Category ids of each product; a product no longer in the catalog maps to an empty list. */
  Map<Long, List<Long>> categoriesOf(String storeHash, Collection<Long> productIds);

  /** Names of categories by id; categories that no longer exist are absent. */
  Map<Long, String> categoryNames(String storeHash, Collection<Long> categoryIds);

  /**
   * B2B Edition company users (customer → company), all of them when {@code modifiedSince} is null,
   * else those changed since then (deletions are not reported).
   */
  List<B2bCompanyUser> companyUsers(String storeHash, Instant modifiedSince);

  /** B2B Edition companies, all or those changed since {@code modifiedSince} (null: all). */
  List<B2bCompany> companies(String storeHash, Instant modifiedSince);

  /** How far a store can be read. */
  enum StoreAccess {
    /** Connected with an API token. */
    READABLE,
    /** Connected for webhooks only (no API token configured): nothing can be read. */
    WEBHOOKS_ONLY,
    /** Unknown, or the app was uninstalled. */
    NOT_CONNECTED
  }

  /**
   * A store resource as JSON, in BigCommerce's own field names (the sync mapping reads them).
   *
   * @param modifiedMs the resource's {@code date_modified} in epoch milliseconds, null if absent
   */
  record StoreDocument(long id, com.fasterxml.jackson.databind.JsonNode json, Long modifiedMs) {}

  /** A catalog product's category ids and version. */
  record StoreProduct(long id, List<Long> categoryIds, Long modifiedMs) {
    public StoreProduct {
      categoryIds = List.copyOf(categoryIds);
    }
  }

  /** A registered customer who is a user of a B2B Edition company. */
  record B2bCompanyUser(long customerId, long companyId) {}

  /** A B2B Edition company. */
  record B2bCompany(long id, String name) {}
}
