package io.bcsync.sync.catalog;

import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.catalog.CatalogTargets.Target;
import io.bcsync.sync.mapping.ReverseMapping;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>Price-book entries → BigCommerce price-list records.</b> A store's mapping file maps a price
 * book and currency to one of its price lists ({@code price_lists: {standard/EUR: 7}}); each entry
 * of that book and currency found in the store sets its variant's record in that list. A batch's
 * records are collected per store, list and currency and written with the records upsert, up to
 * 1,000 per call. A record is an absolute price, so a retry after a lost answer (or a crash before
 * the item was marked done) writes the same value again. The records' webhooks ({@code
 * store/priceList/record/*}) are not among the hooks bcsync registers, so nothing comes back.
 */
@Singleton
public class PriceLists {
  private final BeanProvider<SyncConfigs> configs;
  private final CatalogWriter catalog;

  public PriceLists(BeanProvider<SyncConfigs> configs, CatalogWriter catalog) {
    this.configs = configs;
    this.catalog = catalog;
  }

  /** Whether any store maps the entry's book and currency to a price list. */
  boolean anyStoreLists(PricedEntry entry) {
    return mappings().stream()
        .anyMatch(
            m -> m.priceList(entry.pricebookId(), entry.standard(), entry.currency()).isPresent());
  }

  /** A batch of records to collect and then write. */
  Batch batch() {
    return new Batch();
  }

  private List<ReverseMapping> mappings() {
    return configs.isPresent()
        ? configs.get().all().stream().map(l -> l.config().reverse()).toList()
        : List.of();
  }

  private ReverseMapping mappingOf(String storeHash) {
    return configs.isPresent()
        ? configs.get().forStore(storeHash).config().reverse()
        : ReverseMapping.none();
  }

  /** The records of one flow run, per store, price list and currency. */
  final class Batch {
    private record ListKey(String storeHash, long priceListId, String currency) {}

    private final Map<ListKey, Map<VariantRef, BigDecimal>> records = new LinkedHashMap<>();

    private Batch() {}

    /** Adds the entry's record for this variant if its store lists the entry; answers whether. */
    boolean plan(Target target, PricedEntry entry) {
      return mappingOf(target.storeHash())
          .priceList(entry.pricebookId(), entry.standard(), entry.currency())
          .map(
              list -> {
                records
                    .computeIfAbsent(
                        new ListKey(target.storeHash(), list, entry.currency()),
                        k -> new LinkedHashMap<>())
                    .put(target.variant(), entry.price());
                return true;
              })
          .orElse(false);
    }

    /** Writes every list's records; answers the variants whose record failed. */
    Map<Target, WriteFailure> write() {
      Map<Target, WriteFailure> failed = new HashMap<>();
      records.forEach(
          (key, prices) ->
              catalog
                  .setPriceListRecords(key.storeHash(), key.priceListId(), key.currency(), prices)
                  .forEach(
                      (variant, failure) ->
                          failed.putIfAbsent(new Target(key.storeHash(), variant), failure)));
      return failed;
    }
  }
}
