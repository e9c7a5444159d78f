package io.bcsync.sync.catalog;

import io.bcsync.config.ReverseSyncConfig;
import io.bcsync.pipeline.PermanentFailureException;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.StoreReader;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.TreeSet;

/**
 * <b>The store currency</b> variant prices are in. Precedence: {@code bcsync.sync.reverse.currency}
 * when configured; else the connected stores' default currency, read from the store ({@code
 * currency} of {@code GET /v2/store}, "Default currency code" in store_information.v2.yml), once
 * per process and then kept (a store's default currency is set up once; a restart reads it again).
 * Stores whose default currencies differ need the key: one org's price book entries set every
 * store's variant prices in one currency, so a guess would put a EUR amount into a USD store; their
 * price items are dead-lettered with that reason. With no store connected there is no variant to
 * price and the currency is not needed (USD stands in).
 */
@Singleton
public class StoreCurrency {
  private final ReverseSyncConfig config;
  private final StoreReader stores;
  private final CatalogWriter catalog;
  private volatile String read;

  public StoreCurrency(ReverseSyncConfig config, StoreReader stores, CatalogWriter catalog) {
    this.config = config;
    this.stores = stores;
    this.catalog = catalog;
  }

  /** The currency variant prices are in, upper case. */
  public String current() {
    if (config.currency() != null) {
      return config.currency();
    }
    String known = read;
    if (known != null) {
      return known;
    }
    Set<String> currencies = new TreeSet<>();
    for (String store : catalog.writableStores()) {
      currencies.add(stores.defaultCurrency(store));
    }
    if (currencies.size() > 1) {
      throw new PermanentFailureException(
          "the connected stores' default currencies differ "
              + currencies
              + "; set "
              + ReverseSyncConfig.PREFIX
              + ".currency to the one variant prices are in");
    }
    if (currencies.isEmpty()) {
      return "USD";
    }
    read = currencies.iterator().next();
    return read;
  }
}
