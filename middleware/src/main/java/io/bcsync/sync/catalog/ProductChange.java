package io.bcsync.sync.catalog;

import io.bcsync.pipeline.ItemEvents;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.catalog.CatalogTargets.ProductKeys;
import io.bcsync.sync.changes.SalesforceChangeFlow;
import io.bcsync.sync.mapping.CatalogMapping;
import io.bcsync.sync.port.CatalogWriter.ProductDetails;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one Product2 item asks of BigCommerce: a stock level and/or the product's descriptive
 * fields, each only when it is news (update events carry only what changed: an item made only of
 * update events writes the fields their {@code changedFields} name; a create, undelete, GAP event,
 * reconciliation or PUSH states the whole record). The descriptive fields are name, description,
 * visibility, and the weight and custom fields a store's {@code catalog:} section maps. Bad data
 * (for any store's mapping) refuses the whole item, so nothing of it is written.
 *
 * @param levels the stock levels to set, by the Product2 field they come from: only fields that are
 *     news and not empty (each store sets the locations it maps from them, {@link StockLevels})
 * @param details the name, description and visibility to set; null when not news
 * @param product the re-read record, for the fields each store maps ({@link #detailsFor})
 */
record ProductChange(
    ProductKeys keys,
    Map<String, Integer> levels,
    ProductDetails details,
    Map<String, String> product) {
  static final String SKU = "ProductCode";
  static final String VARIANT_KEY = "BC_Variant_Key__c";
  static final String NAME = "Name";
  static final String DESCRIPTION = "Description";
  static final String ACTIVE = "IsActive";
  static final String UPDATE = "UPDATE";
  static final int MAX_NAME_LENGTH = 250;
  private static final BigDecimal MAX_LEVEL = BigDecimal.valueOf(Integer.MAX_VALUE);

  static List<String> fields(Collection<String> stockFields, Collection<CatalogMapping> stores) {
    Set<String> fields =
        new LinkedHashSet<>(
            List.of(
                SKU,
                VARIANT_KEY,
                NAME,
                DESCRIPTION,
                ACTIVE,
                io.bcsync.sync.changes.SeenRecords.MODSTAMP));
    fields.addAll(stockFields);
    stores.forEach(store -> fields.addAll(store.productFields()));
    return List.copyOf(fields);
  }

  /**
   * The descriptive fields for a store: name, description and visibility, with the weight and
   * custom fields its mapping names, each only where Salesforce owns it ({@code
   * ownership.catalog_fields}; a field BigCommerce owns is left null, which keeps the store's
   * value); null when the store owns none of them. An empty Salesforce weight clears it (0); an
   * empty custom field is listed in {@link ProductDetails#clearedCustomFields()}.
   */
  ProductDetails detailsFor(CatalogMapping store) {
    if (details == null) {
      return null;
    }
    BigDecimal weight = null;
    if (store.weightField() != null && store.owns(CatalogMapping.WEIGHT)) {
      BigDecimal value = WriteOutcomes.decimal(product.get(store.weightField()));
      // A product always has a weight (product_Full: required, minimum 0, not nullable), so an
      // emptied Salesforce weight sets 0.
      weight = value == null ? BigDecimal.ZERO : value;
    }
    Map<String, String> custom = new TreeMap<>();
    Set<String> cleared = new java.util.TreeSet<>();
    if (store.owns(CatalogMapping.CUSTOM_FIELDS)) {
      store
          .customFields()
          .forEach(
              (name, field) -> {
                String value = product.get(field);
                if (value != null && !value.isEmpty()) {
                  custom.put(name, value);
                } else {
                  cleared.add(name);
                }
              });
    }
    ProductDetails owned =
        new ProductDetails(
            store.owns(CatalogMapping.NAME) ? details.name() : null,
            store.owns(CatalogMapping.DESCRIPTION) ? details.description() : null,
            store.owns(CatalogMapping.VISIBILITY) ? details.visible() : null,
            weight,
            custom,
            cleared);
    return owned.changesNothing() ? null : owned;
  }

  boolean writesNothing() {
    return levels.isEmpty() && details == null;
  }

  /**
   * What one item decides: a change to write, or the outcome that ends the item without a write
   * (exactly one of the two is set).
   */
  record Decision(ProductChange change, Outcome outcome) {
    static Decision write(ProductChange change) {
      return new Decision(change, null);
    }

    static Decision end(Outcome outcome) {
      return new Decision(null, outcome);
    }
  }

  /** The change of a re-read product, or the outcome that ends its item without a write. */
  static Decision of(
      WorkItem item,
      List<ItemEvents.ItemEvent> events,
      Map<String, String> product,
      Collection<String> stockFields,
      Map<String, CatalogMapping> stores) {
    String id = item.entity().id();
    if (product == null) {
      return Decision.end(Outcome.skipped("Product2 " + id + " no longer exists"));
    }
    Set<String> types = SalesforceChangeFlow.changeTypes(item.scopes());
    boolean whole = !types.equals(Set.of(UPDATE));
    Set<String> changed = SalesforceChangeFlow.fieldsNamed(events);
    Map<String, Integer> levels = new TreeMap<>();
    for (String stockField : stockFields) {
      if (!whole && !changed.contains(stockField)) {
        continue;
      }
      BigDecimal value = WriteOutcomes.decimal(product.get(stockField));
      if (value != null
          && (value.signum() < 0
              || value.stripTrailingZeros().scale() > 0
              || value.compareTo(MAX_LEVEL) > 0)) {
        return Decision.end(
            Outcome.permanent(
                "Product2 "
                    + id
                    + " has a stock level BigCommerce cannot hold in "
                    + stockField
                    + " ("
                    + value.toPlainString()
                    + "): a whole number from 0 is needed"));
      }
      if (value != null) {
        levels.put(stockField, value.intValueExact());
      }
    }
    ProductDetails details = null;
    Set<String> describing = new HashSet<>(Set.of(NAME, DESCRIPTION, ACTIVE));
    stores.values().forEach(m -> describing.addAll(m.productFields()));
    describing.removeAll(stores.values().stream().map(CatalogMapping::skuField).toList());
    if (whole || changed.stream().anyMatch(describing::contains)) {
      String refused = ProductFieldChecks.refusal(id, product, stores.values());
      if (refused != null) {
        return Decision.end(Outcome.permanent(refused));
      }
      String name = product.get(NAME);
      if (name != null && name.length() > MAX_NAME_LENGTH) {
        return Decision.end(
            Outcome.permanent(
                "Product2 "
                    + id
                    + " has a name of "
                    + name.length()
                    + " characters; BigCommerce allows "
                    + MAX_NAME_LENGTH));
      }
      details =
          new ProductDetails(
              name,
              // An emptied description is sent empty: null would keep the old text.
              product.get(DESCRIPTION) == null ? "" : product.get(DESCRIPTION),
              Boolean.parseBoolean(product.get(ACTIVE)));
    }
    Map<String, String> storeSkus = new HashMap<>();
    stores.forEach(
        (store, mapping) -> {
          if (!SKU.equals(mapping.skuField())) {
            storeSkus.put(store, product.get(mapping.skuField()));
          }
        });
    ProductKeys keys = new ProductKeys(product.get(VARIANT_KEY), product.get(SKU), storeSkus);
    if (levels.isEmpty() && details == null) {
      return Decision.end(
          Outcome.skipped(
              "the change touches nothing bcsync writes to BigCommerce ("
                  + String.join(", ", stockFields)
                  + ", Name, Description, IsActive and the mapped catalog fields)"));
    }
    if (keys.isEmpty()) {
      return Decision.end(
          Outcome.permanent(
              "Product2 "
                  + id
                  + " has no SKU (ProductCode) and no BC_Variant_Key__c: no BigCommerce product to"
                  + " update"));
    }
    return Decision.write(new ProductChange(keys, levels, details, product));
  }
}
