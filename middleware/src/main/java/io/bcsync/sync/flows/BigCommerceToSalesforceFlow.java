package io.bcsync.sync.flows;

import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.accounts.ProductCategories;
import io.bcsync.sync.catalog.CatalogEchoes;
import io.bcsync.sync.contacts.CustomerEchoes;
import io.bcsync.sync.customers.CustomerFlow;
import io.bcsync.sync.customers.CustomerLink;
import io.bcsync.sync.customers.CustomerNeed;
import io.bcsync.sync.customers.CustomerRef;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.orders.OrderFlow;
import io.bcsync.sync.orders.OrderWork;
import io.bcsync.sync.port.StoreReader;
import io.bcsync.sync.port.StoreReader.StoreDocument;
import io.bcsync.sync.routing.Flow;
import io.bcsync.sync.routing.Origin;
import io.bcsync.sync.routing.WorkKind;
import io.bcsync.sync.stores.StoreRecords;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <b>BigCommerce orders and customers into Salesforce.</b> For each store's share of a batch:
 *
 * <ol>
 *   <li>read the entities from BigCommerce in batch calls ({@link StoreBatch}); deleted ones and
 *       incomplete orders (status 0) need nothing;
 *   <li>skip versions older than the one already written (identity map, by {@code date_modified});
 *   <li>customers ({@link CustomerFlow}): every customer item and every order's buyer, matched or
 *       linked, written as Contact + Account or Lead, buyers with their figures; uncertain matches
 *       go to review and hold their orders;
 *   <li>orders ({@link OrderFlow}): header and lines upserted by external id, removed lines
 *       deleted, B2B company figures rolled up.
 * </ol>
 *
 * Products only keep the category names the B2B figures count current. Each item gets its own
 * outcome: a mapping error or a Salesforce error on one record fails only its item.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class BigCommerceToSalesforceFlow implements Flow {
  private static final Logger LOG = LoggerFactory.getLogger(BigCommerceToSalesforceFlow.class);
  static final Set<String> TYPES = Set.of("order", "customer", "product");

  private final StoreReader store;
  private final SyncConfigs configs;
  private final IdentityMap identities;
  private final CustomerFlow customers;
  private final OrderFlow orders;
  private final ProductCategories categories;
  private final StoreRecords storeRecords;
  private final CatalogEchoes catalogEchoes;
  private final CustomerEchoes customerEchoes;

  public BigCommerceToSalesforceFlow(
      StoreReader store,
      SyncConfigs configs,
      IdentityMap identities,
      CustomerFlow customers,
      OrderFlow orders,
      ProductCategories categories,
      StoreRecords storeRecords,
      CatalogEchoes catalogEchoes,
      CustomerEchoes customerEchoes) {
    this.catalogEchoes = catalogEchoes;
    this.customerEchoes = customerEchoes;
    this.store = store;
    this.configs = configs;
    this.identities = identities;
    this.customers = customers;
    this.orders = orders;
    this.categories = categories;
    this.storeRecords = storeRecords;
  }

  @Override
  public String name() {
    return "bigcommerce-to-salesforce";
  }

  @Override
  public boolean handles(WorkKind kind) {
    return kind.origin() == Origin.BIGCOMMERCE && TYPES.contains(kind.type());
  }

  @Override
  public Map<Long, Outcome> run(List<WorkItem> items) throws Exception {
    Map<Long, Outcome> outcomes = new HashMap<>();
    Map<String, List<WorkItem>> byStore =
        items.stream()
            .collect(
                Collectors.groupingBy(
                    i -> i.entity().storeHash(), LinkedHashMap::new, Collectors.toList()));
    for (Map.Entry<String, List<WorkItem>> share : byStore.entrySet()) {
      outcomes.putAll(runStore(share.getKey(), share.getValue()));
    }
    return outcomes;
  }

  private Map<Long, Outcome> runStore(String storeHash, List<WorkItem> items) throws Exception {
    Optional<Outcome> unreadable = unreadable(storeHash);
    if (unreadable.isPresent()) {
      Map<Long, Outcome> all = new HashMap<>();
      items.forEach(item -> all.put(item.id(), unreadable.get()));
      return all;
    }
    // Our own catalog and customer writes (issue 17) come back as webhooks: those echoes end here.
    Map<Long, Outcome> echoes = new HashMap<>(catalogEchoes.echoes(storeHash, items));
    echoes.putAll(customerEchoes.echoes(storeHash, items));
    List<WorkItem> rest = items.stream().filter(i -> !echoes.containsKey(i.id())).toList();
    Map<Long, Outcome> outcomes = new HashMap<>(echoes);
    if (!rest.isEmpty()) {
      outcomes.putAll(syncStore(storeHash, rest));
    }
    return outcomes;
  }

  private Map<Long, Outcome> syncStore(String storeHash, List<WorkItem> items) throws Exception {
    StoreBatch batch = StoreBatch.read(store, storeHash, items);
    categories.refresh(storeHash, batch.productCategories());
    Map<Long, Outcome> outcomes = new HashMap<>(batch.settled());
    Map<WorkItem, StoreDocument> customerDocs = fresh(storeHash, "customer", batch.customers());
    Map<WorkItem, StoreDocument> orderDocs = fresh(storeHash, "order", batch.orders());
    outcomes.putAll(stale(batch.customers(), customerDocs));
    outcomes.putAll(stale(batch.orders(), orderDocs));

    List<CustomerNeed> needs = new ArrayList<>();
    customerDocs.forEach(
        (item, doc) ->
            needs.add(
                new CustomerNeed(
                    CustomerRef.ofCustomer(storeHash, doc.json(), doc.modifiedMs()),
                    item.id(),
                    false)));
    Map<WorkItem, CustomerRef> buyers = new LinkedHashMap<>();
    orderDocs.forEach(
        (item, doc) -> {
          Optional<CustomerRef> buyer = customers.buyer(storeHash, doc.json());
          if (buyer.isEmpty()) {
            outcomes.put(
                item.id(),
                Outcome.permanent(
                    "guest order "
                        + doc.id()
                        + " has no billing e-mail: no customer to write it against"));
          } else {
            buyers.put(item, buyer.get());
            needs.add(new CustomerNeed(buyer.get(), item.id(), true));
          }
        });
    if (!needs.isEmpty()) {
      // The store's BC_Store__c first: every customer and order record links to it.
      Optional<Outcome> noStore = storeRecords.ensure(storeHash, items.get(0).id());
      if (noStore.isPresent()) {
        items.forEach(item -> outcomes.putIfAbsent(item.id(), noStore.get()));
        return outcomes;
      }
    }
    SyncConfigs.Loaded cfg = configs.forStore(storeHash);
    CustomerFlow.Result written = customers.sync(storeHash, cfg, needs);
    outcomes.putAll(written.outcomes());

    List<OrderWork> work = new ArrayList<>();
    buyers.forEach(
        (item, buyer) -> {
          if (written.outcomes().containsKey(item.id())) {
            return; // failed, held for review, or busy in another worker
          }
          CustomerLink link = written.links().get(buyer.key());
          if (link == null) {
            outcomes.put(item.id(), Outcome.retry(buyer.label() + " was not linked; retried"));
            return;
          }
          StoreDocument doc = orderDocs.get(item);
          work.add(new OrderWork(item.id(), doc.json(), doc.modifiedMs(), link, item.attempts()));
        });
    Map<Long, Outcome> ordersWritten = orders.sync(storeHash, cfg, work);
    outcomes.putAll(ordersWritten);
    // An order written while its buyer's figures could not all be written is retried to fill
    // them in; its order is rewritten idempotently.
    written
        .afterOrders()
        .forEach(
            (itemId, later) -> {
              if (ordersWritten.get(itemId) instanceof Outcome.Success) {
                outcomes.put(itemId, later);
              }
            });
    LOG.debug("Store {}: batch of {} items synced", storeHash, items.size());
    return outcomes;
  }

  /** Why nothing of the store can be read, if so. */
  private Optional<Outcome> unreadable(String storeHash) {
    return switch (store.access(storeHash)) {
      case READABLE -> Optional.empty();
      case WEBHOOKS_ONLY ->
          Optional.of(
              Outcome.skipped(
                  "store "
                      + storeHash
                      + " has no API token (webhook-only configuration): nothing can be read"));
      case NOT_CONNECTED ->
          Optional.of(
              Outcome.permanent(
                  "store " + storeHash + " is not connected (the app was uninstalled?)"));
    };
  }

  /** The documents not older than the version already written to Salesforce. */
  private Map<WorkItem, StoreDocument> fresh(
      String storeHash, String type, Map<WorkItem, StoreDocument> read) {
    Map<String, Identity> written =
        identities.find(storeHash, type, read.keySet().stream().map(i -> i.entity().id()).toList());
    Map<WorkItem, StoreDocument> fresh = new LinkedHashMap<>();
    read.forEach(
        (item, doc) -> {
          Identity identity = written.get(item.entity().id());
          if (identity == null || !identity.isNewerThan(doc.modifiedMs())) {
            fresh.put(item, doc);
          }
        });
    return fresh;
  }

  private static Map<Long, Outcome> stale(
      Map<WorkItem, StoreDocument> read, Map<WorkItem, StoreDocument> fresh) {
    Map<Long, Outcome> stale = new HashMap<>();
    read.keySet().stream()
        .filter(item -> !fresh.containsKey(item))
        .forEach(
            item ->
                stale.put(
                    item.id(),
                    Outcome.skipped(
                        "read at an older version than the one already written to Salesforce")));
    return stale;
  }
}
