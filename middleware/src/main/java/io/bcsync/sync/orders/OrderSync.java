package io.bcsync.sync.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.sforce.soap.partner.DeleteResult;
import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.Outcome;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.writer.ExternalReference;
import io.bcsync.salesforce.writer.RecordResult;
import io.bcsync.salesforce.writer.RecordWrite;
import io.bcsync.salesforce.writer.SalesforceWriter;
import io.bcsync.salesforce.writer.WriteReport;
import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.accounts.CompanyRollup;
import io.bcsync.sync.catalog.PricebookEntries;
import io.bcsync.sync.catalog.ProductLine;
import io.bcsync.sync.customers.CustomerSync;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.mapping.MappedOrder;
import io.bcsync.sync.mapping.MappedRecord;
import io.bcsync.sync.mapping.RecordMappingException;
import io.bcsync.sync.mapping.SourceDocuments;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orders of one batch into Salesforce as the store's target object (Order + OrderItem, Opportunity
 * + OpportunityLineItem, or BC_Order__c + BC_Order_Line__c), all upserted by store-qualified
 * external ids in batched calls, so a duplicate, retry or replay updates the same records. Lines
 * removed from the BigCommerce order are deleted in Salesforce (the identity map knows which lines
 * were written). Fields Salesforce accepts only on insert (the line's parent and price book entry)
 * are sent only for lines not written before.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class OrderSync {
  private static final Logger LOG = LoggerFactory.getLogger(OrderSync.class);
  static final String ORDER_KEY = "BC_Order_Id__c";

  /** An order to write, with the customer it is written against. */
  public record Work(long itemId, JsonNode order, Long modifiedMs, CustomerSync.Link customer) {
    long orderId() {
      return order.path("id").asLong();
    }
  }

  /**
   * How each target object is linked: its lines, their keys, and the fields that point to parents.
   */
  private record Target(
      String header, String line, String lineKey, String parentRelationship, boolean linesUpsert) {
    static Target of(String header) {
      return switch (header) {
        case "Order" -> new Target("Order", "OrderItem", "BC_Order_Line_Id__c", "Order", true);
        case "BC_Order__c" ->
            new Target(
                "BC_Order__c", "BC_Order_Line__c", "BC_Order_Line_Id__c", "BC_Order__r", true);
        // OpportunityLineItem has no BigCommerce line id field: its lines are replaced on every
        // write.
        case "Opportunity" ->
            new Target("Opportunity", "OpportunityLineItem", null, "Opportunity", false);
        default ->
            throw new IllegalArgumentException(
                "orders.target "
                    + header
                    + " is not supported by the sync"
                    + " (Order, Opportunity or BC_Order__c)");
      };
    }

    boolean usesPricebook() {
      return !header.equals("BC_Order__c");
    }
  }

  private final IdentityMap identities;
  private final BeanProvider<PricebookEntries> pricebooks;
  private final SalesforceWriter writer;
  private final SalesforceConnector connector;
  private final CompanyRollup rollup;
  private final OrderIdWriteBack writeBack;
  private final Clock clock;

  public OrderSync(
      IdentityMap identities,
      BeanProvider<PricebookEntries> pricebooks,
      SalesforceWriter writer,
      SalesforceConnector connector,
      CompanyRollup rollup,
      OrderIdWriteBack writeBack,
      Clock clock) {
    this.rollup = rollup;
    this.writeBack = writeBack;
    this.identities = identities;
    this.pricebooks = pricebooks;
    this.writer = writer;
    this.connector = connector;
    this.clock = clock;
  }

  private static final class Planned {
    Work work;
    String orderKey;
    RecordWrite header;
    final Map<String, RecordWrite> lines = new LinkedHashMap<>(); // by BigCommerce line id
    final List<Identity> obsoleteLines = new ArrayList<>();

    /**
     * Salesforce id of an Order to set back to Draft first: its lines change and it may be
     * Activated.
     */
    String draftFirst;

    /**
     * Activate after the lines are written (Salesforce will not activate an Order without items).
     */
    boolean activateAfter;
  }

  public void sync(
      String storeHash, SyncConfigs.Loaded cfg, List<Work> orders, Map<Long, Outcome> outcomes)
      throws Exception {
    if (orders.isEmpty()) {
      return;
    }
    Target target = Target.of(cfg.config().orders().object());
    List<String> orderIds = orders.stream().map(w -> String.valueOf(w.orderId())).toList();
    Map<String, Identity> written = identities.find(storeHash, "order", orderIds);
    Map<String, List<Identity>> writtenLines =
        identities.children(storeHash, "order_line", orderIds);
    Map<String, String> entries = Map.of();
    String pricebookId = null;
    if (target.usesPricebook()) {
      entries = pricebooks.get().ensure(productLines(storeHash, orders));
      pricebookId = pricebooks.get().orderPricebookId();
    }
    List<Planned> planned = new ArrayList<>();
    for (Work work : orders) {
      try {
        planned.add(
            plan(
                storeHash,
                cfg,
                target,
                work,
                written.get(String.valueOf(work.orderId())),
                writtenLines.getOrDefault(String.valueOf(work.orderId()), List.of()),
                entries,
                pricebookId));
      } catch (RecordMappingException | IllegalArgumentException e) {
        outcomes.put(
            work.itemId(), Outcome.permanent("order " + work.orderId() + ": " + e.getMessage()));
      }
    }
    planned = revertToDraft(planned, outcomes);
    List<RecordWrite> writes = new ArrayList<>();
    planned.forEach(
        p -> {
          writes.add(p.header);
          writes.addAll(p.lines.values());
        });
    WriteReport report = writes.isEmpty() ? new WriteReport(List.of(), 0) : writer.write(writes);
    Map<Long, Outcome> reported = report.outcomes();
    Map<RecordWrite, RecordResult> results = new java.util.IdentityHashMap<>();
    report.results().forEach(r -> results.put(r.write(), r));
    List<Identity> rows = new ArrayList<>();
    List<Planned> succeeded = new ArrayList<>();
    Map<Long, String> created = new LinkedHashMap<>();
    for (Planned p : planned) {
      Outcome outcome = reported.getOrDefault(p.work.itemId(), Outcome.SUCCESS);
      outcomes.put(p.work.itemId(), outcome);
      // Lines that did get written are remembered even if a sibling failed, so a retry does not
      // re-create them.
      RecordResult header = results.get(p.header);
      if (header.success()) {
        p.lines.forEach(
            (lineId, write) -> {
              RecordResult line = results.get(write);
              if (line.success()) {
                rows.add(
                    new Identity(
                        storeHash,
                        "order_line",
                        lineId,
                        target.line(),
                        line.id(),
                        null,
                        String.valueOf(p.work.orderId()),
                        null));
              }
            });
      }
      if (outcome instanceof Outcome.Success) {
        rows.add(
            new Identity(
                storeHash,
                "order",
                String.valueOf(p.work.orderId()),
                target.header(),
                header.id(),
                null,
                null,
                p.work.modifiedMs()));
        succeeded.add(p);
        if (header.created()) {
          created.put(p.work.orderId(), header.id());
        }
      }
    }
    identities.save(rows);
    deleteObsoleteLines(storeHash, succeeded, outcomes);
    activate(succeeded, outcomes);
    writeBack.writeBack(storeHash, created);
    rollup.apply(
        storeHash,
        succeeded.stream()
            .filter(p -> p.work.customer().company() != null)
            .map(
                p ->
                    new CompanyRollup.CompanyOrder(
                        p.work.itemId(),
                        p.work.order(),
                        p.work.customer().company().key(),
                        p.work.customer().company().name()))
            .toList(),
        outcomes);
    LOG.info(
        "Store {}: {} orders as {} ({} records, {} calls)",
        storeHash,
        planned.size(),
        target.header(),
        writes.size(),
        report.calls());
  }

  private Planned plan(
      String storeHash,
      SyncConfigs.Loaded cfg,
      Target target,
      Work work,
      Identity existing,
      List<Identity> existingLines,
      Map<String, String> entries,
      String pricebookId) {
    JsonNode document = SourceDocuments.order(storeHash, work.order(), Map.of());
    MappedOrder mapped = cfg.mapper().mapOrder(target.header(), document);
    Planned p = new Planned();
    p.work = work;
    Object key = mapped.header().fields().get(ORDER_KEY);
    if (key == null) {
      throw new IllegalArgumentException(
          target.header()
              + "."
              + ORDER_KEY
              + " is not mapped: orders could not be"
              + " upserted without duplicates");
    }
    p.orderKey = key.toString();
    Map<String, Object> header = new LinkedHashMap<>(mapped.header().fields());
    CustomerSync.Link customer = work.customer();
    switch (target.header()) {
      case "Order" -> {
        header.put("AccountId", customer.accountId());
        header.put("BC_Contact__c", customer.contactId());
        header.put("BC_Last_Synced__c", clock.instant());
        if (existing == null) {
          header.put(
              "Pricebook2Id",
              pricebookId); // Salesforce refuses a price book change once items exist
        }
      }
      case "Opportunity" -> {
        header.put("AccountId", customer.accountId());
        if (existing == null) {
          header.put("Pricebook2Id", pricebookId);
        }
      }
      default -> {
        header.put("BC_Account__c", customer.accountId());
        header.put("BC_Contact__c", customer.contactId());
        header.put("BC_Last_Synced__c", clock.instant());
      }
    }
    p.header = RecordWrite.upsert(work.itemId(), target.header(), ORDER_KEY, header);

    Map<String, Identity> knownLines =
        existingLines.stream().collect(Collectors.toMap(Identity::bcId, i -> i, (a, b) -> a));
    JsonNode products = work.order().path("products");
    for (int i = 0; i < mapped.lines().size(); i++) {
      JsonNode product = products.get(i);
      String lineId = storeHash + ":" + product.path("id").asText();
      MappedRecord line = mapped.lines().get(i);
      Map<String, Object> fields = new LinkedHashMap<>(line.fields());
      boolean isNew = !target.linesUpsert() || !knownLines.containsKey(lineId);
      if (isNew) {
        fields.put(
            target.parentRelationship(),
            new ExternalReference(target.header(), ORDER_KEY, p.orderKey));
        if (target.usesPricebook()) {
          String entry = entries.get(productLine(storeHash, work.order(), product).variantKey());
          if (entry == null) {
            throw new IllegalArgumentException(
                "no price book entry for line " + product.path("id").asText());
          }
          fields.put("PricebookEntryId", entry);
        }
      }
      p.lines.put(
          lineId,
          target.linesUpsert()
              ? RecordWrite.upsert(work.itemId(), target.line(), target.lineKey(), fields)
              : RecordWrite.create(work.itemId(), target.line(), fields));
    }
    for (Identity known : existingLines) {
      if (!target.linesUpsert() || !p.lines.containsKey(known.bcId())) {
        p.obsoleteLines.add(known);
      }
    }
    planActivation(cfg, target, work, existing, p, knownLines);
    return p;
  }

  /**
   * {@code orders.activate_on_status}: Salesforce refuses changes to the OrderItems of an Activated
   * Order, and refuses to activate an Order without items. So an Order whose lines change is set
   * back to Draft first (when activation is configured at all: it may be Activated), its lines
   * written, then activated again; an Order whose lines do not change is activated in the header
   * write itself.
   */
  private static void planActivation(
      SyncConfigs.Loaded cfg,
      Target target,
      Work work,
      Identity existing,
      Planned p,
      Map<String, Identity> knownLines) {
    java.util.Set<Integer> activating = cfg.config().orders().activateOnStatus();
    if (!target.header().equals("Order") || activating.isEmpty()) {
      return;
    }
    boolean linesChange =
        !p.obsoleteLines.isEmpty() || !knownLines.keySet().containsAll(p.lines.keySet());
    boolean activate = activating.contains(work.order().path("status_id").asInt());
    if (existing != null && linesChange) {
      p.draftFirst = existing.sfId();
    }
    Map<String, Object> header = new LinkedHashMap<>(p.header.fields());
    if (existing != null && p.draftFirst == null) {
      // It may be Activated, and Salesforce refuses AccountId on an Activated order (even
      // unchanged).
      header.remove("AccountId");
    }
    if (activate && existing != null && !linesChange) {
      header.put("Status", "Activated");
    } else if (activate) {
      p.activateAfter = true;
    }
    p.header = RecordWrite.upsert(p.header.workItemId(), p.header.sobjectType(), ORDER_KEY, header);
  }

  private List<Planned> revertToDraft(List<Planned> planned, Map<Long, Outcome> outcomes)
      throws Exception {
    List<RecordWrite> drafts = new ArrayList<>();
    Map<Long, Planned> byItem = new HashMap<>();
    for (Planned p : planned) {
      if (p.draftFirst != null) {
        drafts.add(
            RecordWrite.update(
                p.work.itemId(), "Order", Map.of("Id", p.draftFirst, "Status", "Draft")));
        byItem.put(p.work.itemId(), p);
      }
    }
    if (drafts.isEmpty()) {
      return planned;
    }
    Map<Long, Outcome> reverted = writer.write(drafts).outcomes();
    List<Planned> remaining = new ArrayList<>();
    for (Planned p : planned) {
      Outcome outcome = reverted.get(p.work.itemId());
      if (outcome instanceof Outcome.Failure) {
        outcomes.put(p.work.itemId(), outcome);
      } else {
        remaining.add(p);
      }
    }
    return remaining;
  }

  private void activate(List<Planned> succeeded, Map<Long, Outcome> outcomes) throws Exception {
    List<RecordWrite> activations = new ArrayList<>();
    for (Planned p : succeeded) {
      if (p.activateAfter && outcomes.get(p.work.itemId()) instanceof Outcome.Success) {
        activations.add(
            RecordWrite.upsert(
                p.work.itemId(),
                "Order",
                ORDER_KEY,
                Map.of(ORDER_KEY, p.orderKey, "Status", "Activated")));
      }
    }
    if (!activations.isEmpty()) {
      writer
          .write(activations)
          .outcomes()
          .forEach(
              (item, outcome) -> {
                if (outcome instanceof Outcome.Failure) {
                  outcomes.put(item, outcome);
                }
              });
    }
  }

  /**
   * After the new state is written: removed lines (or, for Opportunities, the replaced ones) are
   * deleted.
   */
  private void deleteObsoleteLines(
      String storeHash, List<Planned> planned, Map<Long, Outcome> outcomes) throws Exception {
    Map<String, Planned> bySalesforceId = new HashMap<>();
    for (Planned p : planned) {
      p.obsoleteLines.forEach(line -> bySalesforceId.put(line.sfId(), p));
    }
    if (bySalesforceId.isEmpty()) {
      return;
    }
    List<String> ids = List.copyOf(bySalesforceId.keySet());
    List<String> deleted = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += 200) {
      String[] chunk = ids.subList(from, Math.min(ids.size(), from + 200)).toArray(String[]::new);
      DeleteResult[] results = connector.session().call(c -> c.delete(chunk));
      for (int i = 0; i < results.length; i++) {
        DeleteResult result = results[i];
        boolean gone =
            result.isSuccess()
                || (result.getErrors() != null
                    && java.util.Arrays.stream(result.getErrors())
                        .anyMatch(
                            e ->
                                e.getStatusCode() != null
                                    && e.getStatusCode().name().equals("ENTITY_IS_DELETED")));
        if (gone) {
          deleted.add(chunk[i]);
        } else {
          Planned p = bySalesforceId.get(chunk[i]);
          outcomes.put(
              p.work.itemId(),
              Outcome.retry(
                  "removed line "
                      + chunk[i]
                      + " of order "
                      + p.work.orderId()
                      + " could not be deleted: "
                      + result.getErrors()[0].getMessage()));
        }
      }
    }
    Set<String> deletedIds = Set.copyOf(deleted);
    identities.deleteRecords(
        storeHash,
        "order_line",
        planned.stream()
            .flatMap(p -> p.obsoleteLines.stream())
            .filter(line -> deletedIds.contains(line.sfId()))
            .toList());
  }

  private static List<ProductLine> productLines(String storeHash, List<Work> orders) {
    List<ProductLine> lines = new ArrayList<>();
    for (Work work : orders) {
      work.order()
          .path("products")
          .forEach(product -> lines.add(productLine(storeHash, work.order(), product)));
    }
    return lines;
  }

  private static ProductLine productLine(String storeHash, JsonNode order, JsonNode product) {
    return new ProductLine(
        storeHash,
        product.path("product_id").asLong(),
        product.path("variant_id").asLong(),
        text(product, "sku"),
        text(product, "name"),
        money(product.path("price_ex_tax")),
        text(order, "currency_code"));
  }

  private static String text(JsonNode node, String field) {
    String value = node.path(field).asText("");
    return value.isBlank() ? null : value;
  }

  private static BigDecimal money(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    String text = value.asText("");
    return text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text);
  }
}
