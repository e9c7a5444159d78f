package io.bcsync.sync.orders;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.catalog.ProductLine;
import io.bcsync.sync.customers.CustomerLink;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.mapping.MappedOrder;
import io.bcsync.sync.mapping.MappedRecord;
import io.bcsync.sync.mapping.SourceDocuments;
import io.bcsync.sync.port.ExternalReference;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.stores.StoreLinks;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans one order's Salesforce writes, without calling anything: the header and its lines upserted
 * by store-qualified external ids (so a duplicate, retry or replay updates the same records), the
 * lines the order no longer has, and whether it goes through Draft or gets activated. Fields
 * Salesforce accepts only on insert (a line's parent and price book entry) are sent only for lines
 * not written before.
 */
final class OrderPlanner {
  private final OrderObjects objects;
  private final SyncConfigs.Loaded cfg;
  private final Clock clock;
  private final StoreLinks stores;

  OrderPlanner(OrderObjects objects, SyncConfigs.Loaded cfg, Clock clock, StoreLinks stores) {
    this.objects = objects;
    this.cfg = cfg;
    this.clock = clock;
    this.stores = stores;
  }

  /**
   * @param existing the order's identity row, null when it was never written
   * @param existingLines its lines' identity rows
   * @param entries price book entry ids by variant key (for targets with a price book)
   * @param pricebookId the price book a new order is created with
   * @throws IllegalArgumentException when the order cannot be written as mapped (permanent)
   */
  PlannedOrder plan(
      String storeHash,
      OrderWork work,
      Identity existing,
      List<Identity> existingLines,
      Map<String, String> entries,
      String pricebookId) {
    JsonNode document = SourceDocuments.order(storeHash, work.order(), Map.of());
    MappedOrder mapped = cfg.mapper().mapOrder(objects.header(), document);
    Object key = mapped.header().fields().get(OrderObjects.ORDER_KEY);
    if (key == null) {
      throw new IllegalArgumentException(
          objects.header()
              + "."
              + OrderObjects.ORDER_KEY
              + " is not mapped: orders could not be upserted without duplicates");
    }
    String orderKey = key.toString();
    Map<String, Object> header = header(mapped, work.customer(), existing, pricebookId);
    stores.link(storeHash, objects.header(), header);
    Map<String, Identity> knownLines =
        existingLines.stream().collect(Collectors.toMap(Identity::bcId, i -> i, (a, b) -> a));
    Map<String, RecordWrite> lines = lines(storeHash, work, mapped, orderKey, knownLines, entries);
    List<Identity> obsolete = new ArrayList<>();
    for (Identity known : existingLines) {
      if (!objects.linesUpsert() || !lines.containsKey(known.bcId())) {
        obsolete.add(known);
      }
    }
    return withActivation(
        new PlannedOrder(
            work,
            orderKey,
            existing,
            RecordWrite.upsert(work.itemId(), objects.header(), OrderObjects.ORDER_KEY, header),
            lines,
            obsolete,
            knownLines.keySet(),
            null,
            false),
        knownLines);
  }

  /** The order's external id as mapped ({@code BC_Order_Id__c}), or null when not mapped. */
  String orderKey(String storeHash, OrderWork work) {
    JsonNode document = SourceDocuments.order(storeHash, work.order(), Map.of());
    Object key =
        cfg.mapper()
            .mapOrder(objects.header(), document)
            .header()
            .fields()
            .get(OrderObjects.ORDER_KEY);
    return key == null ? null : key.toString();
  }

  /**
   * The header's own fields and its parents. The price book is sent only for an order never
   * written: Salesforce refuses a price book change once items exist. So is an Opportunity's
   * ContactId, which Salesforce refuses on update.
   */
  private Map<String, Object> header(
      MappedOrder mapped, CustomerLink customer, Identity existing, String pricebookId) {
    Map<String, Object> header = new LinkedHashMap<>(mapped.header().fields());
    switch (objects.header()) {
      case "Order" -> {
        header.put("AccountId", customer.accountId());
        header.put("BC_Contact__c", customer.contactId());
        header.put("BC_Last_Synced__c", clock.instant());
        if (existing == null) {
          header.put("Pricebook2Id", pricebookId);
        }
      }
      case "Opportunity" -> {
        header.put("AccountId", customer.accountId());
        if (existing == null) {
          header.put("Pricebook2Id", pricebookId);
          // The primary contact, which the package's panel reads on Contact pages: Salesforce
          // takes it on create only (and makes the primary OpportunityContactRole from it).
          if (customer.contactId() != null) {
            header.put("ContactId", customer.contactId());
          }
        }
      }
      default -> {
        header.put("BC_Account__c", customer.accountId());
        header.put("BC_Contact__c", customer.contactId());
        header.put("BC_Last_Synced__c", clock.instant());
      }
    }
    return header;
  }

  private Map<String, RecordWrite> lines(
      String storeHash,
      OrderWork work,
      MappedOrder mapped,
      String orderKey,
      Map<String, Identity> knownLines,
      Map<String, String> entries) {
    Map<String, RecordWrite> lines = new LinkedHashMap<>();
    JsonNode products = work.order().path("products");
    for (int i = 0; i < mapped.lines().size(); i++) {
      JsonNode product = products.get(i);
      String lineId = storeHash + ":" + product.path("id").asText();
      MappedRecord line = mapped.lines().get(i);
      Map<String, Object> fields = new LinkedHashMap<>(line.fields());
      boolean isNew = !objects.linesUpsert() || !knownLines.containsKey(lineId);
      if (isNew) {
        fields.put(
            objects.parentRelationship(),
            new ExternalReference(objects.header(), OrderObjects.ORDER_KEY, orderKey));
        if (objects.usesPricebook()) {
          String entry = entries.get(productLine(storeHash, work.order(), product).variantKey());
          if (entry == null) {
            throw new IllegalArgumentException(
                "no price book entry for line " + product.path("id").asText());
          }
          fields.put("PricebookEntryId", entry);
        }
      }
      lines.put(
          lineId,
          objects.linesUpsert()
              ? RecordWrite.upsert(work.itemId(), objects.line(), objects.lineKey(), fields)
              : RecordWrite.create(work.itemId(), objects.line(), fields));
    }
    return lines;
  }

  /**
   * {@code orders.activate_on_status}: Salesforce refuses changes to the OrderItems of an Activated
   * Order, and refuses to activate an Order without items. Every write of an order upserts its
   * lines (a quantity or price may have changed even when the set of lines has not), so an existing
   * Order whose lines change or that is to be activated is set back to Draft first (when activation
   * is configured at all: it may be Activated), its lines written, then activated after them;
   * activating it in the header write would refuse the lines written after the header.
   */
  private PlannedOrder withActivation(PlannedOrder p, Map<String, Identity> knownLines) {
    Set<Integer> activating = cfg.config().orders().activateOnStatus();
    if (!objects.header().equals("Order") || activating.isEmpty()) {
      return p;
    }
    boolean linesChange =
        !p.obsoleteLines().isEmpty() || !knownLines.keySet().containsAll(p.lines().keySet());
    boolean activate = activating.contains(p.work().order().path("status_id").asInt());
    Identity existing = p.existing();
    String draftFirst = existing != null && (linesChange || activate) ? existing.sfId() : null;
    Map<String, Object> header = new LinkedHashMap<>(p.header().fields());
    if (existing != null && draftFirst == null) {
      // It may be Activated, and Salesforce refuses AccountId on an Activated order (even
      // unchanged).
      header.remove("AccountId");
    }
    return new PlannedOrder(
        p.work(),
        p.orderKey(),
        existing,
        RecordWrite.upsert(p.itemId(), objects.header(), OrderObjects.ORDER_KEY, header),
        p.lines(),
        p.obsoleteLines(),
        p.knownLineIds(),
        draftFirst,
        activate);
  }

  static ProductLine productLine(String storeHash, JsonNode order, JsonNode product) {
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

  private static java.math.BigDecimal money(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    String text = value.asText("");
    return text.isBlank() ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(text);
  }
}
