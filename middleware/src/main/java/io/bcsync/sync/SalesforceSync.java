package io.bcsync.sync;

import io.bcsync.bigcommerce.client.Dtos;
import io.bcsync.bigcommerce.reading.FetchedEntity;
import io.bcsync.bigcommerce.reading.FetchedEntityConsumer;
import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.accounts.ProductCategories;
import io.bcsync.sync.customers.CustomerRef;
import io.bcsync.sync.customers.CustomerSync;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.orders.OrderSync;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <b>The entry point from BigCommerce to Salesforce.</b> A webhook becomes a work item (webhook →
 * EventIntake → WorkQueue); a worker hands a batch to BigCommerceReadingHandler, which reads the
 * entities from BigCommerce in batch calls and passes them here. Per batch:
 *
 * <ol>
 *   <li>skip what must not be written: deleted entities, incomplete orders (status 0), and versions
 *       older than the one already written (identity map, by {@code date_modified});
 *   <li>customers ({@link CustomerSync}): every customer item and every order's buyer, matched or
 *       linked, written as Contact + Account or Lead; uncertain matches go to review and hold their
 *       orders;
 *   <li>orders ({@link OrderSync}): header and lines upserted by external id, removed lines
 *       deleted.
 * </ol>
 *
 * Each work item gets its own outcome: a mapping error or a Salesforce error on one record fails
 * only its item. Active when Salesforce is configured; otherwise LoggingFetchedEntityConsumer only
 * logs.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class SalesforceSync implements FetchedEntityConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(SalesforceSync.class);

  private final SyncConfigs configs;
  private final IdentityMap identities;
  private final CustomerSync customers;
  private final OrderSync orders;
  private final ProductCategories categories;

  public SalesforceSync(
      SyncConfigs configs,
      IdentityMap identities,
      CustomerSync customers,
      OrderSync orders,
      ProductCategories categories) {
    this.categories = categories;
    this.configs = configs;
    this.identities = identities;
    this.customers = customers;
    this.orders = orders;
  }

  @Override
  public Map<Long, Outcome> accept(String storeHash, List<FetchedEntity> entities)
      throws Exception {
    SyncConfigs.Loaded cfg = configs.forStore(storeHash);
    Map<Long, Outcome> outcomes = new HashMap<>();
    List<FetchedEntity> customerItems = new ArrayList<>();
    List<FetchedEntity> orderItems = new ArrayList<>();
    Map<Long, List<Long>> productCategories = new HashMap<>();
    for (FetchedEntity entity : entities) {
      String type = entity.item().entity().type();
      if (type.equals("product")) {
        // Products are not written to Salesforce from here (catalog sync runs the other way); a
        // fresh read only
        // keeps the categories the B2B roll-ups count current.
        if (entity.resource() instanceof Dtos.Product product) {
          productCategories.put(product.id(), product.categories());
        } else if (entity.item().entity().id().matches("\\d{1,18}")) {
          productCategories.put(
              Long.parseLong(entity.item().entity().id()), List.of()); // gone from the catalog
        }
        outcomes.put(entity.item().id(), Outcome.SUCCESS);
      } else if (entity.gone() || entity.document() == null) {
        // Deletions are not propagated: Salesforce keeps the history of what was sold
        // (docs/sync-mapping.md).
        outcomes.put(entity.item().id(), Outcome.SUCCESS);
      } else if (type.equals("customer")) {
        customerItems.add(entity);
      } else if (type.equals("order")) {
        if (((Dtos.Order) entity.resource()).isIncomplete()) {
          outcomes.put(entity.item().id(), Outcome.SUCCESS); // status 0: not a real order yet
        } else {
          orderItems.add(entity);
        }
      } else {
        outcomes.put(entity.item().id(), Outcome.SUCCESS);
      }
    }
    categories.refresh(storeHash, productCategories);
    customerItems = withoutStale(storeHash, "customer", customerItems, outcomes);
    orderItems = withoutStale(storeHash, "order", orderItems, outcomes);

    List<CustomerSync.Need> needs = new ArrayList<>();
    for (FetchedEntity item : customerItems) {
      needs.add(
          new CustomerSync.Need(
              CustomerRef.ofCustomer(storeHash, item.document(), modified(item)),
              item.item().id(),
              false));
    }
    Map<Long, CustomerRef> buyers = new HashMap<>();
    for (FetchedEntity item : orderItems) {
      Optional<CustomerRef> buyer = CustomerRef.ofOrder(storeHash, item.document());
      if (buyer.isEmpty()) {
        outcomes.put(
            item.item().id(),
            Outcome.permanent(
                "guest order "
                    + item.item().entity().id()
                    + " has no billing e-mail: no customer to write it against"));
        continue;
      }
      buyers.put(item.item().id(), buyer.get());
      needs.add(new CustomerSync.Need(buyer.get(), item.item().id(), true));
    }
    Map<String, CustomerSync.Link> links = customers.sync(storeHash, cfg, needs, outcomes);

    List<OrderSync.Work> work = new ArrayList<>();
    for (FetchedEntity item : orderItems) {
      CustomerRef buyer = buyers.get(item.item().id());
      if (buyer == null || outcomes.containsKey(item.item().id())) {
        continue; // failed, or held for review
      }
      work.add(
          new OrderSync.Work(
              item.item().id(), item.document(), modified(item), links.get(buyer.key())));
    }
    orders.sync(storeHash, cfg, work, outcomes);
    entities.forEach(entity -> outcomes.putIfAbsent(entity.item().id(), Outcome.SUCCESS));
    long failed = outcomes.values().stream().filter(o -> o instanceof Outcome.Failure).count();
    LOG.debug("Store {}: batch of {} synced, {} failed", storeHash, entities.size(), failed);
    return outcomes;
  }

  /** Entities whose fetched version is older than the one written: done, without writing. */
  private List<FetchedEntity> withoutStale(
      String storeHash, String type, List<FetchedEntity> items, Map<Long, Outcome> outcomes) {
    Map<String, Identity> written =
        identities.find(storeHash, type, items.stream().map(i -> i.item().entity().id()).toList());
    List<FetchedEntity> fresh = new ArrayList<>();
    for (FetchedEntity item : items) {
      Identity identity = written.get(item.item().entity().id());
      if (identity != null && identity.isNewerThan(modified(item))) {
        LOG.info(
            "Store {}: {} {} read at an older version than already written; not written",
            storeHash,
            type,
            item.item().entity().id());
        outcomes.put(item.item().id(), Outcome.SUCCESS);
      } else {
        fresh.add(item);
      }
    }
    return fresh;
  }

  private static Long modified(FetchedEntity item) {
    Instant modified =
        item.resource() instanceof Dtos.Order order
            ? order.dateModified()
            : item.resource() instanceof Dtos.Customer customer ? customer.dateModified() : null;
    return modified == null ? null : modified.toEpochMilli();
  }
}
