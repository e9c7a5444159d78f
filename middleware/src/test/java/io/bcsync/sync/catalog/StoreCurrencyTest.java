package io.bcsync.sync.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bcsync.config.ReverseSyncConfig;
import io.bcsync.pipeline.PermanentFailureException;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.bcsync.testsupport.ports.InMemoryCatalog;
import io.bcsync.testsupport.ports.InMemoryStore;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The store currency's precedence: the configured key, else the connected stores' default currency
 * read once from the store, and stores that disagree need the key.
 */
class StoreCurrencyTest {
  private final InMemoryStore stores = new InMemoryStore();
  private final InMemoryCatalog catalog = new InMemoryCatalog();

  @Test
  void a_configured_currency_wins_and_the_store_is_not_asked() {
    connect("cur1", "EUR");

    assertThat(new StoreCurrency(config("GBP"), stores, catalog).current()).isEqualTo("GBP");
    assertThat(stores.reads()).noneMatch(r -> r.what().equals("defaultCurrency"));
  }

  @Test
  void without_configuration_the_stores_default_currency_is_read_once() {
    connect("cur2", "eur");
    StoreCurrency currency = new StoreCurrency(config(null), stores, catalog);

    assertThat(currency.current()).isEqualTo("EUR");
    assertThat(currency.current()).isEqualTo("EUR");
    assertThat(stores.reads().stream().filter(r -> r.what().equals("defaultCurrency")))
        .as("read once, then kept")
        .hasSize(1);
  }

  @Test
  void stores_with_different_default_currencies_need_the_key() {
    connect("cur3", "USD");
    connect("cur4", "EUR");

    PermanentFailureException error =
        assertThrows(
            PermanentFailureException.class,
            () -> new StoreCurrency(config(null), stores, catalog).current());

    assertThat(error.getMessage()).contains("[EUR, USD]", "bcsync.sync.reverse.currency");
  }

  private void connect(String store, String currency) {
    stores.defaultCurrency(store, currency.toUpperCase(java.util.Locale.ROOT));
    catalog.variant(store, new VariantRef(1, 1), "SKU-" + store, BigDecimal.ONE);
  }

  private static ReverseSyncConfig config(String currency) {
    return new ReverseSyncConfig(null, "BC_Inventory_Level__c", 1, null, currency, false);
  }
}
