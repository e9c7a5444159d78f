package io.bcsync.sync.orders;

import io.bcsync.bigcommerce.client.BigCommerceApiException;
import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.client.StoreClient;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.config.StoreConfig;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional write-back of the Salesforce record id to an app-only metafield of the BigCommerce order
 * (namespace {@code bcsync}, key {@code salesforce_id}), for stores with {@code
 * bcsync.bigcommerce.stores.<hash>.write-back-order-id: true}. Off by default: BigCommerce has no
 * batch endpoint for order metafields, so it costs one call per new order against a goal of 0.05
 * calls per order. Only orders created in Salesforce are written back; a failure is logged and does
 * not fail the order (the sync itself succeeded, and re-writing the order would not retry it).
 */
@Singleton
public class OrderIdWriteBack {
  private static final Logger LOG = LoggerFactory.getLogger(OrderIdWriteBack.class);
  static final String NAMESPACE = "bcsync";
  static final String KEY = "salesforce_id";

  private final Environment environment;
  private final BigCommerceClient client;
  private final ConnectedStores stores;

  public OrderIdWriteBack(
      Environment environment, BigCommerceClient client, ConnectedStores stores) {
    this.environment = environment;
    this.client = client;
    this.stores = stores;
  }

  public boolean enabled(String storeHash) {
    return environment
        .getProperty(StoreConfig.PREFIX + "." + storeHash + ".write-back-order-id", Boolean.class)
        .orElse(false);
  }

  /**
   * @param createdOrders Salesforce id by BigCommerce order id, of orders just created in
   *     Salesforce
   */
  public void writeBack(String storeHash, Map<Long, String> createdOrders) {
    if (createdOrders.isEmpty() || !enabled(storeHash)) {
      return;
    }
    Optional<StoreClient> store =
        stores.find(storeHash).filter(s -> s.hasApiAccess()).map(client::forStore);
    if (store.isEmpty()) {
      LOG.warn(
          "Store {}: order id write-back is on but the store has no API access; {} ids not written back",
          storeHash,
          createdOrders.size());
      return;
    }
    createdOrders.forEach(
        (orderId, salesforceId) -> {
          try {
            store.get().orders().createMetafield(orderId, NAMESPACE, KEY, salesforceId);
          } catch (RuntimeException e) {
            if (e instanceof BigCommerceApiException api && api.status() == 409) {
              return; // written back before (a retry after a crash): the id does not change
            }
            LOG.warn(
                "Store {}: writing Salesforce id back to order {} failed: {}",
                storeHash,
                orderId,
                e.getMessage());
          }
        });
  }
}
