package io.bcsync.sync.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Company figures come from the ledger's SQL aggregates: an order rewritten is counted once, with
 * its latest values; an uncounted order adds nothing. Runs on H2; {@code CompanyLedgerMariaDbTest}
 * runs every case on MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyLedgerTest extends DatabaseTest {
  @Inject CompanyLedger ledger;

  private String store;
  private String acme;

  @BeforeEach
  void newStore() {
    store = "lg" + UUID.randomUUID().toString().substring(0, 8);
    acme = store + ":domain:acme.test";
  }

  @Test
  void a_rewritten_order_counts_once_with_its_latest_values_and_uncounted_orders_add_nothing() {
    ledger.record(
        List.of(
            entry(1, "10.50", 1_000, true, List.of(7L, 8L)),
            entry(2, "99.99", 3_000, true, List.of(9L))));
    ledger.record(
        List.of(
            entry(1, "12.25", 2_000, true, List.of(7L)),
            entry(3, "500.00", 500, false, List.of())));

    CompanyLedger.Figures figures = ledger.figures(store, List.of(acme)).get(acme);
    assertThat(figures.revenue()).isEqualByComparingTo("112.24");
    assertThat(figures.orders()).isEqualTo(2);
    assertThat(figures.firstOrderMs()).isEqualTo(2_000);
    assertThat(figures.lastOrderMs()).isEqualTo(3_000);
    assertThat(ledger.productsPerOrder(store, List.of(acme)).get(acme))
        .containsExactlyInAnyOrder(List.of(7L), List.of(9L));
  }

  @Test
  void a_company_without_counted_orders_has_zero_figures() {
    ledger.record(List.of(entry(4, "20.00", 1_000, false, List.of(1L))));

    assertThat(ledger.figures(store, List.of(acme, "nobody")))
        .containsEntry(acme, new CompanyLedger.Figures(BigDecimal.ZERO, 0, 0, 0))
        .containsEntry("nobody", new CompanyLedger.Figures(BigDecimal.ZERO, 0, 0, 0));
    assertThat(ledger.productsPerOrder(store, List.of(acme))).isEmpty();
  }

  private CompanyLedger.Entry entry(
      long orderId, String total, long dateMs, boolean counted, List<Long> products) {
    return new CompanyLedger.Entry(
        store, orderId, acme, new BigDecimal(total), dateMs, counted, products, null, null);
  }
}
