package io.bcsync.sync.orders;

import io.bcsync.config.StoreConfig;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.FollowUpWork;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Optional write-back of the Salesforce record id to an app-only metafield of the BigCommerce order
 * (namespace {@code bcsync}, key {@code salesforce_id}), for stores with {@code
 * bcsync.bigcommerce.stores.<hash>.write-back-order-id: true}. Off by default: BigCommerce has no
 * batch endpoint for order metafields, so it costs one call per new order.
 *
 * <p>An order new to bcsync gets a follow-up work item ({@value #ENTITY_TYPE}) as soon as its
 * header is written, before its identity row is saved: a crash in between re-runs the order, which
 * is still new and enqueues again (joining the open item). {@link OrderIdWriteBackFlow} then writes
 * the id the identity map holds; it is retried like any work item, and the write converges, so a
 * lost response or a crash never leaves an order without its id, and a failing write-back never
 * fails the order itself.
 */
@Singleton
public class OrderIdWriteBack {
  public static final String ENTITY_TYPE = "order_salesforce_id";

  private final Environment environment;
  private final FollowUpWork followUps;

  public OrderIdWriteBack(Environment environment, FollowUpWork followUps) {
    this.environment = environment;
    this.followUps = followUps;
  }

  public boolean enabled(String storeHash) {
    return environment
        .getProperty(StoreConfig.PREFIX + "." + storeHash + ".write-back-order-id", Boolean.class)
        .orElse(false);
  }

  /** Enqueues the write-back of these orders' ids, when the store wants it. */
  public void enqueue(String storeHash, Collection<Long> newOrderIds) {
    if (newOrderIds.isEmpty() || !enabled(storeHash)) {
      return;
    }
    followUps.enqueue(
        newOrderIds.stream()
            .map(
                id ->
                    FollowUpWork.event(
                        new EntityRef(storeHash, ENTITY_TYPE, String.valueOf(id)),
                        "bcsync/order/written-to-salesforce",
                        "{}"))
            .toList());
  }
}
