package io.bcsync.sync.port;

import java.util.Map;

/**
 * Port: what flows change in a BigCommerce store. Adapter: {@code
 * io.bcsync.bigcommerce.writing.BigCommerceStoreWriter}. Every write converges: repeating it (after
 * a lost response or a crash) leaves the store as one successful call would.
 */
public interface StoreWriter {

  /**
   * Records each order's Salesforce id in the order's app-only metafield {@code
   * bcsync.salesforce_id}. A metafield already there counts as written. Answers the orders whose
   * write failed; absent orders are done.
   */
  Map<Long, WriteFailure> recordSalesforceIds(
      String storeHash, Map<Long, String> salesforceIdByOrder);

  /** BigCommerce reported that it is failing to deliver webhooks: check and repair them now. */
  void repairWebhooks(String storeHash);

  /**
   * Why one store write failed.
   *
   * @param retryable false when BigCommerce refused the call for good (a missing scope, a deleted
   *     resource): retrying cannot help
   */
  record WriteFailure(String message, boolean retryable) {}
}
