package io.bcsync.sync.catalog;

import io.bcsync.config.ReverseSyncConfig;
import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.catalog.CatalogTargets.ProductKeys;
import io.bcsync.sync.catalog.CatalogTargets.Target;
import io.bcsync.sync.changes.SalesforceChangeFlow;
import io.bcsync.sync.changes.SeenRecords;
import io.bcsync.sync.mapping.CatalogMapping;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import io.bcsync.sync.routing.Flow;
import io.bcsync.sync.routing.Origin;
import io.bcsync.sync.routing.WorkKind;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * <b>A Salesforce price changed → the variant's price in BigCommerce.</b> Takes {@code
 * PricebookEntry} items (change events, reconciliation, PUSH). Change events of updates carry only
 * the changed fields, so the batch's entries are re-read in one query. An entry of the configured
 * price book (default: the standard price book) in the store currency sets the variant's price; an
 * entry of a price book and currency a store's mapping file maps to a price list ({@code
 * price_lists:}) sets the variant's record in that list ({@link PriceLists}); any other entry is
 * SKIPPED. In a multi-currency org the entry's {@code CurrencyIsoCode} decides. The variant is
 * found by the Product2's link, else its SKU: {@code ProductCode}, or in a store whose mapping
 * names another Product2 field ({@code catalog.sku_field}) that field. Bad data (no price, a
 * negative price, a product with neither SKU nor link) is dead-lettered with the reason and never
 * sent; the others are written in the endpoint's batches, each entry answered by its own variants'
 * results. A price is set absolutely, so a retry after a lost answer writes the same value again.
 */
// Salesforce-origin items exist only with Salesforce configured; without it this flow's ports do
// not either.
@Requires(condition = SalesforceConfigured.class)
@Singleton
public class PriceFlow implements Flow {
  public static final String OBJECT = "PricebookEntry";

  static final String BOOK = "Pricebook2Id";
  static final String STANDARD = "Pricebook2.IsStandard";
  static final String PRICE = "UnitPrice";
  static final String ACTIVE = "IsActive";
  static final String SKU = "Product2.ProductCode";
  static final String VARIANT_KEY = "Product2.BC_Variant_Key__c";
  static final String CURRENCY = "CurrencyIsoCode";
  static final List<String> FIELDS =
      List.of(BOOK, STANDARD, PRICE, ACTIVE, SKU, VARIANT_KEY, SeenRecords.MODSTAMP);

  private final SalesforceRecords salesforce;
  private final CatalogWriter catalog;
  private final CatalogTargets targets;
  private final SalesforceChangeFlow changes;
  private final ReverseSyncConfig config;
  private final WrittenValues written;
  private final SeenRecords seen;
  private final PriceLists lists;

  private final StoreCurrency currency;
  private final CatalogMappings mappings;

  public PriceFlow(
      SalesforceRecords salesforce,
      CatalogWriter catalog,
      CatalogTargets targets,
      SalesforceChangeFlow changes,
      ReverseSyncConfig config,
      WrittenValues written,
      SeenRecords seen,
      PriceLists lists,
      StoreCurrency currency,
      CatalogMappings mappings) {
    this.currency = currency;
    this.mappings = mappings;
    this.written = written;
    this.seen = seen;
    this.lists = lists;
    this.salesforce = salesforce;
    this.catalog = catalog;
    this.targets = targets;
    this.changes = changes;
    this.config = config;
  }

  @Override
  public String name() {
    return "salesforce-prices";
  }

  @Override
  public boolean handles(WorkKind kind) {
    return kind.is(Origin.SALESFORCE, OBJECT);
  }

  @Override
  public Map<Long, Outcome> run(List<WorkItem> items) {
    changes.record(items);
    List<String> fields = new ArrayList<>(FIELDS);
    if (config.multiCurrency()) {
      fields.add(CURRENCY);
    }
    // The SKU field each store maps (catalog.sku_field), read through the entry's Product2 in the
    // same one query per batch.
    Map<String, String> skuFields = skuFields();
    skuFields.values().stream().distinct().filter(f -> !fields.contains(f)).forEach(fields::add);
    Map<String, Map<String, String>> entries =
        salesforce.read(OBJECT, fields, items.stream().map(i -> i.entity().id()).toList());
    seen.record(OBJECT, items, entries);
    Map<Long, Outcome> outcomes = new HashMap<>();
    String storeCurrency = currency.current();
    Map<WorkItem, PricedEntry> priced = new LinkedHashMap<>();
    Map<WorkItem, ProductKeys> keys = new LinkedHashMap<>();
    for (WorkItem item : items) {
      Map<String, String> entry = entries.get(item.entity().id());
      if (entry == null) {
        outcomes.put(
            item.id(),
            Outcome.skipped("PricebookEntry " + item.entity().id() + " no longer exists"));
        continue;
      }
      PricedEntry e = priced(entry, storeCurrency);
      // Entries of a book and currency synced nowhere are skipped before their data is judged.
      Outcome refused =
          !e.variantPrice() && !lists.anyStoreLists(e)
              ? notSynced(item.entity().id(), e)
              : check(item.entity().id(), entry, skuFields);
      if (refused != null) {
        outcomes.put(item.id(), refused);
        continue;
      }
      priced.put(item, e);
      keys.put(item, keysOf(entry, skuFields));
    }
    Map<WorkItem, List<Target>> found = targets.resolve(keys);
    Map<String, Map<VariantRef, BigDecimal>> writes = new LinkedHashMap<>();
    Map<WorkItem, List<Target>> answered = new LinkedHashMap<>();
    PriceLists.Batch listed = lists.batch();
    priced.forEach(
        (item, e) -> {
          List<Target> itemTargets = found.get(item);
          if (itemTargets == null) {
            outcomes.put(item.id(), notInStore(keys.get(item)));
            return;
          }
          for (Target t : itemTargets) {
            if (!mappings.forStore(t.storeHash()).owns(CatalogMapping.PRICE)) {
              continue; // BigCommerce owns prices in that store (ownership.catalog_fields)
            }
            boolean inList = listed.plan(t, e);
            if (e.variantPrice()) {
              writes
                  .computeIfAbsent(t.storeHash(), s -> new LinkedHashMap<>())
                  .put(t.variant(), e.price());
            }
            if (inList || e.variantPrice()) {
              answered.computeIfAbsent(item, i -> new ArrayList<>()).add(t);
            }
          }
          if (!answered.containsKey(item)) {
            outcomes.put(
                item.id(),
                itemTargets.stream()
                        .allMatch(t -> !mappings.forStore(t.storeHash()).owns(CatalogMapping.PRICE))
                    ? Outcome.skipped(
                        "BigCommerce owns the price in every store holding the variant"
                            + " (ownership.catalog_fields)")
                    : notSynced(item.entity().id(), e));
          }
        });
    Map<Target, WriteFailure> failed = new HashMap<>();
    writes.forEach(
        (store, byVariant) -> {
          Map<VariantRef, String> values = new LinkedHashMap<>();
          byVariant.forEach((variant, price) -> values.put(variant, WrittenValues.price(price)));
          written.record(store, WrittenValues.PRICE, values);
          catalog
              .setPrices(store, byVariant)
              .forEach((variant, failure) -> failed.put(new Target(store, variant), failure));
        });
    // A failure of either write fails the target (a retry sets both again, absolutely).
    listed.write().forEach(failed::putIfAbsent);
    answered.forEach(
        (item, itemTargets) -> outcomes.put(item.id(), WriteOutcomes.of(itemTargets, failed)));
    return outcomes;
  }

  /** The entry's price, book and currency, and whether it sets the variant's own price. */
  private PricedEntry priced(Map<String, String> entry, String storeCurrency) {
    String currency =
        config.multiCurrency() && entry.get(CURRENCY) != null
            ? entry.get(CURRENCY).toUpperCase(Locale.ROOT)
            : storeCurrency;
    boolean synced =
        config.pricebookId() == null
            ? Boolean.parseBoolean(entry.get(STANDARD))
            : sameId(config.pricebookId(), entry.get(BOOK));
    return new PricedEntry(
        WriteOutcomes.decimal(entry.get(PRICE)),
        entry.get(BOOK),
        Boolean.parseBoolean(entry.get(STANDARD)),
        currency,
        synced && currency.equals(storeCurrency));
  }

  private static Outcome notSynced(String id, PricedEntry e) {
    return Outcome.skipped(
        "PricebookEntry "
            + id
            + " is in price book "
            + e.pricebookId()
            + " ("
            + e.currency()
            + "), not the one synced to BigCommerce variant prices, and no store maps it to a"
            + " price list");
  }

  /**
   * The {@code Product2.<field>} each store that maps its own SKU field reads, by store hash;
   * stores that map none use {@link #SKU}.
   */
  private Map<String, String> skuFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    mappings
        .writable()
        .forEach(
            (store, mapping) -> {
              if (!CatalogMapping.DEFAULT_SKU_FIELD.equals(mapping.skuField())) {
                fields.put(store, "Product2." + mapping.skuField());
              }
            });
    return fields;
  }

  private static ProductKeys keysOf(Map<String, String> entry, Map<String, String> skuFields) {
    Map<String, String> storeSkus = new HashMap<>();
    skuFields.forEach((store, field) -> storeSkus.put(store, entry.get(field)));
    return new ProductKeys(entry.get(VARIANT_KEY), entry.get(SKU), storeSkus);
  }

  /** Why an entry is not written (null: it may be): inactive, or bad data. */
  private Outcome check(String id, Map<String, String> entry, Map<String, String> skuFields) {
    if (!Boolean.parseBoolean(entry.get(ACTIVE))) {
      return Outcome.skipped("PricebookEntry " + id + " is inactive: its price is not offered");
    }
    BigDecimal price = WriteOutcomes.decimal(entry.get(PRICE));
    if (price == null) {
      return Outcome.permanent("PricebookEntry " + id + " has no valid UnitPrice");
    }
    if (price.signum() < 0) {
      return Outcome.permanent(
          "PricebookEntry " + id + " has a negative UnitPrice (" + price.toPlainString() + ")");
    }
    if (keysOf(entry, skuFields).isEmpty()) {
      return Outcome.permanent(
          "the product of PricebookEntry "
              + id
              + " has no SKU (ProductCode) and no BC_Variant_Key__c: no variant to price");
    }
    return null;
  }

  static Outcome notInStore(ProductKeys keys) {
    java.util.Set<String> skus = new java.util.LinkedHashSet<>();
    if (!CatalogTargets.blank(keys.sku())) {
      skus.add(keys.sku().trim());
    }
    keys.storeSkus().values().stream()
        .filter(s -> !CatalogTargets.blank(s))
        .forEach(s -> skus.add(s.trim()));
    return Outcome.skipped(
        "no BigCommerce variant has SKU '"
            + String.join("' or '", skus)
            + "'"
            + (CatalogTargets.blank(keys.variantKey()) ? "" : " or key " + keys.variantKey())
            + " (Salesforce updates existing products only)");
  }

  /**
   * Salesforce ids compare on their first 15 characters (the 18-character form adds a checksum).
   */
  static boolean sameId(String a, String b) {
    return a != null
        && b != null
        && a.length() >= 15
        && b.length() >= 15
        && a.substring(0, 15).equals(b.substring(0, 15));
  }
}
