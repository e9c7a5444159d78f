package io.bcsync.testsupport.ports;

import io.bcsync.sync.catalog.ProductLine;
import io.bcsync.testsupport.ports.OrgRecords.Saved;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Products made orderable: a Product2 per variant and its entry in the standard price book, which
 * is also the book orders are created with.
 */
final class OrgPricebooks {
  private final OrgRecords data;
  private final OrgCalls calls;
  private final String standardBook;
  private final Map<String, String> entryByVariant = new HashMap<>();
  private boolean bookAsked;

  OrgPricebooks(OrgRecords data, OrgCalls calls) {
    this.data = data;
    this.calls = calls;
    this.standardBook =
        data.create(
                "Pricebook2",
                Map.of("Name", "Standard Price Book", "IsStandard", true, "IsActive", true))
            .id();
  }

  String standardBook() {
    return standardBook;
  }

  /** The standard price book; asked once, as the real lookup caches it. */
  String orderPricebookId() {
    if (!bookAsked) {
      calls.whole("query", "Pricebook2", () -> null);
      bookAsked = true;
    }
    return standardBook;
  }

  /**
   * Unknown variants cost a query, an upsert of their Product2 rows and a create of their standard
   * price book entries; known ones cost nothing, as the real lookup's cache makes them.
   */
  Map<String, String> ensure(Collection<ProductLine> lines) {
    Map<String, ProductLine> unknown = new LinkedHashMap<>();
    Map<String, String> entries = new LinkedHashMap<>();
    for (ProductLine line : lines) {
      String known = entryByVariant.get(line.variantKey());
      if (known != null) {
        entries.put(line.variantKey(), known);
      } else {
        unknown.putIfAbsent(line.variantKey(), line);
      }
    }
    if (unknown.isEmpty()) {
      return entries;
    }
    calls.whole("query", "Product2", () -> null);
    Map<String, String> products = new LinkedHashMap<>();
    calls.whole(
        "upsert",
        "Product2",
        () -> {
          unknown.forEach((key, line) -> products.put(key, saved(product(line)).id()));
          return null;
        });
    calls.whole(
        "create",
        "PricebookEntry",
        () -> {
          unknown.forEach(
              (key, line) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("Pricebook2Id", standardBook);
                entry.put("Product2Id", products.get(key));
                entry.put("UnitPrice", line.unitPrice());
                entry.put("IsActive", true);
                entryByVariant.put(key, saved(data.create("PricebookEntry", entry)).id());
                entries.put(key, entryByVariant.get(key));
              });
          return null;
        });
    return entries;
  }

  private Saved product(ProductLine line) {
    Map<String, Object> product = new LinkedHashMap<>();
    product.put("BC_Variant_Key__c", line.variantKey());
    product.put("Name", line.name() != null ? line.name() : line.variantKey());
    product.put("ProductCode", line.sku());
    product.put("IsActive", true);
    return data.upsert("Product2", "BC_Variant_Key__c", product);
  }

  private static Saved saved(Saved saved) {
    if (!saved.success()) {
      throw new IllegalStateException("the in-memory org refused a product: " + saved.error());
    }
    return saved;
  }
}
