package io.bcsync.bigcommerce.writing;

import io.bcsync.bigcommerce.client.BigCommerceApiException;
import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.client.Dtos;
import io.bcsync.bigcommerce.client.OrdersApi;
import io.bcsync.bigcommerce.hooks.HookCheck;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.pipeline.PermanentFailureException;
import io.bcsync.sync.port.StoreWriter;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link StoreWriter} port over the BigCommerce REST API. BigCommerce has no batch endpoint for
 * order metafields, so each order id costs one call (two more in the rare case the metafield exists
 * with another value).
 */
@Singleton
public class BigCommerceStoreWriter implements StoreWriter {
  static final String NAMESPACE = "bcsync";
  static final String KEY = "salesforce_id";
  private static final int CONFLICT = 409;

  private final BigCommerceClient client;
  private final ConnectedStores stores;
  private final HookCheck hooks;

  public BigCommerceStoreWriter(BigCommerceClient client, ConnectedStores stores, HookCheck hooks) {
    this.client = client;
    this.stores = stores;
    this.hooks = hooks;
  }

  @Override
  public Map<Long, WriteFailure> recordSalesforceIds(
      String storeHash, Map<Long, String> salesforceIdByOrder) {
    Map<Long, WriteFailure> failed = new LinkedHashMap<>();
    if (salesforceIdByOrder.isEmpty()) {
      return failed;
    }
    OrdersApi orders;
    try {
      orders = client.forStore(storeHash).orders();
    } catch (PermanentFailureException e) {
      salesforceIdByOrder
          .keySet()
          .forEach(id -> failed.put(id, new WriteFailure(e.getMessage(), false)));
      return failed;
    }
    salesforceIdByOrder.forEach(
        (orderId, salesforceId) -> {
          try {
            record(orders, orderId, salesforceId);
          } catch (RuntimeException e) {
            failed.put(
                orderId,
                new WriteFailure(e.getMessage(), !(e instanceof PermanentFailureException)));
          }
        });
    return failed;
  }

  /**
   * Creates the metafield; if it exists (a retry after a lost response, or an earlier write), makes
   * sure it holds this id, so repeating the write always ends in the same state.
   */
  private static void record(OrdersApi orders, long orderId, String salesforceId) {
    try {
      orders.createMetafield(orderId, NAMESPACE, KEY, salesforceId);
    } catch (RuntimeException e) {
      if (!(e instanceof BigCommerceApiException api) || api.status() != CONFLICT) {
        throw e;
      }
      Optional<Dtos.Metafield> existing =
          orders.metafields(orderId).stream()
              .filter(m -> NAMESPACE.equals(m.namespace()) && KEY.equals(m.key()))
              .findFirst();
      if (existing.isEmpty()) {
        throw e; // a conflict about something else: let the caller see it
      }
      if (!salesforceId.equals(existing.get().value())) {
        orders.updateMetafield(orderId, existing.get().id(), salesforceId);
      }
    }
  }

  @Override
  public void repairWebhooks(String storeHash) {
    stores.find(storeHash).ifPresent(hooks::checkOne);
  }
}
