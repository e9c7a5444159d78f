package io.bcsync.sync.orders;

import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.accounts.CompanyRollup;
import io.bcsync.sync.catalog.PricebookEntries;
import io.bcsync.sync.catalog.ProductLine;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.mapping.RecordMappingException;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import io.bcsync.sync.rules.OrderRulesStep;
import io.bcsync.sync.stores.StoreLinks;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orders of one batch into Salesforce as the store's target object (Order + OrderItem,
 * Opportunity + OpportunityLineItem, or BC_Order__c + BC_Order_Line__c), in batched calls: planned
 * by {@link OrderPlanner}, written, then removed lines deleted ({@link ObsoleteLines}), orders
 * activated ({@link OrderActivation}), ids written back to BigCommerce ({@link OrderIdWriteBack})
 * and B2B companies' figures rolled up from the order ledger ({@link CompanyRollup}; a customer's
 * own figures went out with its Contact, customers/CustomerFiguresWrites). Each item gets its own
 * outcome: one order Salesforce rejects fails only its item.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class OrderFlow {
  private static final Logger LOG = LoggerFactory.getLogger(OrderFlow.class);

  private final IdentityMap identities;
  private final BeanProvider<PricebookEntries> pricebooks;
  private final SalesforceRecords salesforce;
  private final CompanyRollup rollup;
  private final OrderIdWriteBack writeBack;
  private final Clock clock;
  private final StoreLinks stores;
  private final OrderRulesStep rules;

  public OrderFlow(
      IdentityMap identities,
      BeanProvider<PricebookEntries> pricebooks,
      SalesforceRecords salesforce,
      CompanyRollup rollup,
      OrderIdWriteBack writeBack,
      Clock clock,
      StoreLinks stores,
      OrderRulesStep rules) {
    this.identities = identities;
    this.pricebooks = pricebooks;
    this.salesforce = salesforce;
    this.rollup = rollup;
    this.writeBack = writeBack;
    this.clock = clock;
    this.stores = stores;
    this.rules = rules;
  }

  /** Writes the orders; answers an outcome for each of their items. */
  public Map<Long, Outcome> sync(String storeHash, SyncConfigs.Loaded cfg, List<OrderWork> orders)
      throws Exception {
    if (orders.isEmpty()) {
      return Map.of();
    }
    OrderObjects objects = OrderObjects.of(cfg.config().orders().object());
    Map<Long, Outcome> outcomes = new HashMap<>();
    List<PlannedOrder> planned = new ArrayList<>();
    Planned plan = plan(storeHash, cfg, objects, orders);
    for (PlannedOrPermanent p : plan.orders()) {
      if (p.failure() != null) {
        outcomes.put(p.itemId(), p.failure());
      } else {
        planned.add(p.order());
      }
    }
    planned = ReplacedLines.withLinesInSalesforce(salesforce, storeHash, objects, planned);
    OrderActivation activation = new OrderActivation(salesforce);
    Map<Long, Outcome> notDrafted = activation.revertToDraft(planned);
    outcomes.putAll(notDrafted);
    planned = planned.stream().filter(p -> !notDrafted.containsKey(p.itemId())).toList();

    List<RecordWrite> writes = new ArrayList<>();
    planned.forEach(
        p -> {
          writes.add(p.header());
          writes.addAll(p.lines().values());
        });
    WriteReport report = LinesWrittenBefore.resend(salesforce, objects, salesforce.write(writes));
    Written written = written(storeHash, objects, planned, report);
    outcomes.putAll(written.outcomes());
    outcomes.putAll(OrdersWrittenBefore.refusedButPresent(salesforce, objects, planned, report));
    writeBack.enqueue(
        storeHash,
        written.orders().stream()
            .filter(
                p ->
                    p.existing() == null
                        || plan.foundInSalesforce().contains(String.valueOf(p.work().orderId())))
            .map(p -> p.work().orderId())
            .toList());
    identities.save(written.known());
    identities.saveNew(written.fresh());

    Map<Long, Outcome> notDeleted =
        new ObsoleteLines(salesforce, identities).delete(storeHash, written.orders());
    outcomes.putAll(notDeleted);
    // An order with a line left over is retried as a whole; it is activated then.
    outcomes.putAll(
        activation.activate(
            written.orders().stream().filter(p -> !notDeleted.containsKey(p.itemId())).toList()));
    outcomes.putAll(rollup.apply(storeHash, companyOrders(written.orders())));
    // After the rollups: the ledger now holds these orders, which the first/repeat triggers count.
    rules
        .apply(
            storeHash,
            cfg.config().rules(),
            ruleOrders(objects.header(), written.orders(), written.headerIds()))
        .forEach(
            (item, failure) -> {
              if (!(outcomes.get(item) instanceof Outcome.Failure)) {
                outcomes.put(item, failure);
              }
            });
    LOG.info(
        "Store {}: {} orders as {} ({} records, {} calls)",
        storeHash,
        planned.size(),
        objects.header(),
        writes.size(),
        report.calls());
    return outcomes;
  }

  private record PlannedOrPermanent(long itemId, PlannedOrder order, Outcome failure) {}

  /** The planned orders, and those found only in Salesforce (written by a lost attempt). */
  private record Planned(
      List<PlannedOrPermanent> orders, java.util.Set<String> foundInSalesforce) {}

  private Planned plan(
      String storeHash, SyncConfigs.Loaded cfg, OrderObjects objects, List<OrderWork> orders)
      throws Exception {
    List<String> orderIds = orders.stream().map(w -> String.valueOf(w.orderId())).toList();
    OrderPlanner planner = new OrderPlanner(objects, cfg, clock, stores);
    OrdersWrittenBefore.Known known =
        OrdersWrittenBefore.find(
            salesforce,
            planner,
            storeHash,
            objects,
            orders,
            identities.find(storeHash, "order", orderIds));
    Map<String, Identity> existing = known.existing();
    Map<String, List<Identity>> existingLines =
        identities.children(storeHash, "order_line", orderIds);
    Map<String, String> entries = Map.of();
    String pricebookId = null;
    if (objects.usesPricebook()) {
      entries = pricebooks.get().ensure(productLines(storeHash, orders));
      pricebookId = pricebooks.get().orderPricebookId();
    }
    List<PlannedOrPermanent> planned = new ArrayList<>();
    for (OrderWork work : orders) {
      String id = String.valueOf(work.orderId());
      try {
        PlannedOrder order =
            planner.plan(
                storeHash,
                work,
                existing.get(id),
                existingLines.getOrDefault(id, List.of()),
                entries,
                pricebookId);
        planned.add(new PlannedOrPermanent(work.itemId(), order, null));
      } catch (RecordMappingException | IllegalArgumentException e) {
        planned.add(
            new PlannedOrPermanent(
                work.itemId(),
                null,
                Outcome.permanent("order " + work.orderId() + ": " + e.getMessage())));
      }
    }
    return new Planned(planned, known.foundInSalesforce());
  }

  /**
   * @param orders the orders whose every record was written
   * @param known identity rows to save of records linked before (updated)
   * @param fresh identity rows of records linked now (inserted): every line written, even when a
   *     sibling failed, so a retry does not create it again, and the header of every order fully
   *     written
   * @param headerIds the Salesforce id of each written order's header, by item (what a Case links)
   */
  private record Written(
      List<PlannedOrder> orders,
      List<Identity> known,
      List<Identity> fresh,
      Map<Long, Outcome> outcomes,
      Map<Long, String> headerIds) {}

  private static Written written(
      String storeHash, OrderObjects objects, List<PlannedOrder> planned, WriteReport report) {
    Map<Long, Outcome> reported = report.outcomes();
    Map<RecordWrite, RecordResult> results = new IdentityHashMap<>();
    report.results().forEach(r -> results.put(r.write(), r));
    List<PlannedOrder> succeeded = new ArrayList<>();
    List<Identity> known = new ArrayList<>();
    List<Identity> fresh = new ArrayList<>();
    Map<Long, Outcome> outcomes = new HashMap<>();
    Map<Long, String> headerIds = new HashMap<>();
    for (PlannedOrder p : planned) {
      Outcome outcome = reported.getOrDefault(p.itemId(), Outcome.SUCCESS);
      outcomes.put(p.itemId(), outcome);
      RecordResult header = results.get(p.header());
      String orderId = String.valueOf(p.work().orderId());
      if (header.success()) {
        p.lines()
            .forEach(
                (lineId, write) -> {
                  RecordResult line = results.get(write);
                  if (line.success()) {
                    (p.knownLineIds().contains(lineId) ? known : fresh)
                        .add(
                            new Identity(
                                storeHash,
                                "order_line",
                                lineId,
                                objects.line(),
                                line.id(),
                                null,
                                orderId,
                                null));
                  }
                });
      }
      if (outcome instanceof Outcome.Success) {
        (p.existing() != null ? known : fresh)
            .add(
                new Identity(
                    storeHash,
                    "order",
                    orderId,
                    objects.header(),
                    header.id(),
                    null,
                    null,
                    p.work().modifiedMs()));
        succeeded.add(p);
        headerIds.put(p.itemId(), header.id());
      }
    }
    return new Written(succeeded, known, fresh, outcomes, headerIds);
  }

  private static List<CompanyRollup.CompanyOrder> companyOrders(List<PlannedOrder> written) {
    return written.stream()
        .filter(p -> p.work().customer().company() != null)
        .map(
            p ->
                new CompanyRollup.CompanyOrder(
                    p.itemId(),
                    p.work().order(),
                    p.work().customer().company().key(),
                    p.work().customer().company().name(),
                    p.work().customer().contactId(),
                    p.work().customer().customerKey()))
        .toList();
  }

  private static List<OrderRulesStep.RuleOrder> ruleOrders(
      String orderObject, List<PlannedOrder> written, Map<Long, String> headerIds) {
    return written.stream()
        .map(
            p ->
                new OrderRulesStep.RuleOrder(
                    p.itemId(),
                    p.work().order(),
                    p.work().customer().contactId(),
                    p.work().customer().customerKey(),
                    p.work().customer().accountId(),
                    orderObject,
                    headerIds.get(p.itemId())))
        .toList();
  }

  private static List<ProductLine> productLines(String storeHash, List<OrderWork> orders) {
    List<ProductLine> lines = new ArrayList<>();
    for (OrderWork work : orders) {
      work.order()
          .path("products")
          .forEach(
              product -> lines.add(OrderPlanner.productLine(storeHash, work.order(), product)));
    }
    return lines;
  }
}
