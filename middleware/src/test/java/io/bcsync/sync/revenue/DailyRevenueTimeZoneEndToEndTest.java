package io.bcsync.sync.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.orders.OrderDraft;
import io.bcsync.sim.bigcommerce.store.Address;
import io.bcsync.sim.bigcommerce.time.MutableClock;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The daily revenue summary of a store whose time zone is not UTC (docs/order-rules.md, "Daily
 * revenue"): the BigCommerce simulator's {@code GET /v2/store} answers {@code timezone.name} {@code
 * Asia/Tokyo} (UTC+9, no daylight saving time, so the boundaries do not move with the date), and
 * the job summarises the store's local yesterday from local midnight to local midnight. Orders and
 * a refund placed just inside and just outside that day, where the UTC day would cut differently,
 * tell the two apart.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DailyRevenueTimeZoneEndToEndTest implements TestPropertyProvider {
  static final String STORE = "revtz";
  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  /** Yesterday in the store's zone: the day the job summarises. */
  final LocalDate day = LocalDate.now(TOKYO).minusDays(1);

  final MutableClock bcClock = MutableClock.startingAt(tokyo(day.minusDays(2), 9, 0));

  @Inject DailyRevenueJob job;

  BigCommerceSimulator bc;
  SalesforceSimulator sf;
  SimulatedStore store;

  @Override
  public Map<String, String> getProperties() {
    bc =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .clock(bcClock)
                .rateLimit(10_000, Duration.ofSeconds(30)));
    store =
        bc.createStore(
            BigCommerceSimulator.StoreSpec.named(STORE)
                .accessToken("tok-" + STORE)
                .clientId("c1")
                .timeZone(TOKYO.getId()));
    sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox());
    place();
    Map<String, String> p = new HashMap<>(databaseProperties());
    p.putAll(SimulatedSalesforce.passwordLogin(sf));
    p.put("micronaut.server.port", String.valueOf(FreePort.find()));
    p.put("bcsync.admin-token", WebhookCalls.ADMIN_TOKEN);
    p.put("bcsync.bigcommerce.api-url", bc.baseUrl());
    p.put("bcsync.bigcommerce.stores." + STORE + ".access-token", "tok-" + STORE);
    p.put(
        "bcsync.bigcommerce.stores." + STORE + ".webhook-secret", "revtz-secret-0123456789abcdef");
    p.put("bcsync.sync.package-metadata", SimulatedSalesforce.packageMetadata().toString());
    p.put("bcsync.staging.allowed-stores", STORE);
    p.put("bcsync.scheduler.enabled", "false");
    p.put("bcsync.sync.guest-keys.secret", "ZTJlLWd1ZXN0LWtleS1zZWNyZXQtb2YtMzItYnl0ZXMh");
    p.put("bcsync.daily-revenue.enabled", "true");
    p.put("bcsync.daily-revenue.run-at", "00:00");
    return p;
  }

  /** H2 here; MariaDB in {@link DailyRevenueTimeZoneEndToEndMariaDbTest}. */
  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @AfterAll
  void stop() {
    bc.close();
    sf.close();
  }

  /**
   * Around the store's day (Tokyo times; UTC 9 hours earlier): in it, 10.00 at 00:30 (the day
   * before in UTC) and 40.00 at 23:30; outside it, 80.00 at 23:30 the evening before and 20.00 at
   * 00:30 the next morning (both on the day in UTC). A 5.00 refund of the evening-before order at
   * 00:45 belongs to the day; a 10.00 refund at 00:10 the next morning does not.
   */
  private void place() {
    long mug = store.createProduct("Mug", "MUG-1", new BigDecimal("10.00"));
    long lamp = store.createProduct("Lamp", "LAMP-1", new BigDecimal("40.00"));
    bcClock.set(tokyo(day.minusDays(1), 23, 30));
    long eveningBefore = order(lamp, lamp);
    bcClock.set(tokyo(day, 0, 30));
    long early = order(mug);
    bcClock.set(tokyo(day, 0, 45));
    store.refund(eveningBefore, new BigDecimal("5.00"));
    bcClock.set(tokyo(day, 23, 30));
    order(lamp);
    bcClock.set(tokyo(day.plusDays(1), 0, 10));
    store.refund(early, new BigDecimal("10.00"));
    bcClock.set(tokyo(day.plusDays(1), 0, 30));
    order(mug, mug);
  }

  @Test
  void theJobSummarisesTheStoresLocalYesterdayFromLocalMidnightToLocalMidnight() {
    var results = job.runDue();

    assertThat(results)
        .as("the store's local yesterday, found through its time zone")
        .singleElement()
        .satisfies(r -> assertThat(r.day()).isEqualTo(day));
    Map<String, Map<String, Object>> rows = RevenueRows.rowsOf(sf, STORE, day);
    RevenueRows.assertRow(rows, "all", "Total", null, "50.00", "5.00", "45.00", 2);
    RevenueRows.assertRow(rows, "none", "None", null, "50.00", "5.00", "45.00", 2);
    assertThat(rows).hasSize(2);
    assertThat(RevenueRows.rowsOf(sf, STORE, day.plusDays(1)))
        .as("the store's today is not summarised yet")
        .isEmpty();
    assertThat(job.runDue()).as("a later tick: the day is done").isEmpty();
  }

  private static Instant tokyo(LocalDate date, int hour, int minute) {
    return date.atTime(LocalTime.of(hour, minute)).atZone(TOKYO).toInstant();
  }

  private long order(long... products) {
    OrderDraft draft = new OrderDraft();
    Address billing = new Address();
    billing.firstName = "Yui";
    billing.lastName = "Shopper";
    billing.email = "yui@example.com";
    draft.billing = billing;
    for (long product : products) {
      draft.addLine(OrderDraft.Line.of(product, 1));
    }
    return store.createOrder(draft);
  }
}
