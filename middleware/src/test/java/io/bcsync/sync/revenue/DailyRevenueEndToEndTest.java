package io.bcsync.sync.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.time.MutableClock;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The daily revenue summary end to end over both simulators (docs/order-rules.md, "Daily revenue"):
 * the orders and refunds of a day in the BigCommerce simulator, UTM facts in the storefront's order
 * metafields, rows and Campaign totals in the Salesforce simulator. The store's time zone is UTC
 * (the simulator's settings). Tests run in order on one state.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DailyRevenueEndToEndTest implements TestPropertyProvider {
  static final String STORE = "rev1";
  static final String SECRET = "rev-webhook-secret-0123456789";
  static final String OBJECT = "BC_Daily_Revenue__c";

  /** Yesterday in UTC: the day the job summarises. */
  final LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);

  final MutableClock bcClock = MutableClock.startingAt(RevenueScenario.at(day.minusDays(2), 9));

  @Inject DailyRevenueJob job;
  @Inject io.bcsync.sync.rules.OrderExtras orderExtras;
  @Inject io.bcsync.sync.port.SalesReader salesReader;
  @Inject DataSource dataSource;
  @Inject DataSourceResolver resolver;

  @Inject
  @Named("daily-revenue")
  RecurringTask<Void> task;

  BigCommerceSimulator bc;
  SalesforceSimulator sf;
  SimulatedStore store;
  RevenueScenario scenario;
  int port;

  @Override
  public Map<String, String> getProperties() {
    bc =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .clock(bcClock)
                .rateLimit(10_000, Duration.ofSeconds(30)));
    store =
        bc.createStore(
            BigCommerceSimulator.StoreSpec.named(STORE).accessToken("tok-" + STORE).clientId("c1"));
    sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox());
    scenario = new RevenueScenario(store, sf, bcClock, day);
    scenario.place();
    Map<String, String> p = new HashMap<>(databaseProperties());
    p.putAll(SimulatedSalesforce.passwordLogin(sf));
    port = FreePort.find();
    p.put("micronaut.server.port", String.valueOf(port));
    p.put("bcsync.admin-token", WebhookCalls.ADMIN_TOKEN);
    p.put("bcsync.bigcommerce.api-url", bc.baseUrl());
    p.put("bcsync.bigcommerce.stores." + STORE + ".access-token", "tok-" + STORE);
    p.put("bcsync.bigcommerce.stores." + STORE + ".webhook-secret", SECRET);
    p.put("bcsync.sync.package-metadata", SimulatedSalesforce.packageMetadata().toString());
    p.put("bcsync.staging.allowed-stores", STORE);
    p.put("bcsync.scheduler.enabled", "false");
    p.put("bcsync.sync.guest-keys.secret", "ZTJlLWd1ZXN0LWtleS1zZWNyZXQtb2YtMzItYnl0ZXMh");
    p.put("bcsync.daily-revenue.enabled", "true");
    p.put("bcsync.daily-revenue.run-at", "00:00");
    return p;
  }

  /** H2 here; MariaDB in {@link DailyRevenueEndToEndMariaDbTest}. */
  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @AfterAll
  void stop() {
    bc.close();
    sf.close();
  }

  @Test
  @Order(1)
  void theJobRunsOncePerCluster() {
    DataSource pool = resolver.resolve(dataSource);
    SettableClock clock = new SettableClock();
    clock.set(Instant.now());
    ManualScheduler first = manualScheduler(pool, clock);
    ManualScheduler second = manualScheduler(pool, clock);
    first.start();
    second.start();
    clock.tick(Duration.ofMinutes(11));
    long upsertsBefore = sf.apiCallCount("upsert", OBJECT);

    first.runAnyDueExecutions();
    long afterFirst = sf.apiCallCount("upsert", OBJECT);
    second.runAnyDueExecutions();
    long afterSecond = sf.apiCallCount("upsert", OBJECT);

    assertThat(afterFirst - upsertsBefore).as("the first instance summarised the day").isEqualTo(1);
    assertThat(afterSecond).as("the second instance found nothing due").isEqualTo(afterFirst);
    assertThat(job.runDue()).as("a later tick: the day is done").isEmpty();
    assertThat(sf.apiCallCount("upsert", OBJECT)).isEqualTo(afterFirst);
    first.stop();
    second.stop();
  }

  @Test
  @Order(2)
  void aDayWithThreeCouponsTwoUtmSourcesAndRefundsEqualsTheHandComputedFigures() {
    Map<String, Map<String, Object>> rows = rowsOf(day);

    // key -> revenue, refunds, net, orders
    RevenueRows.assertRow(rows, "all", "Total", null, "120.00", "23.00", "97.00", 5);
    RevenueRows.assertRow(
        rows, "coupon:spring10", "Coupon", "spring10", "35.00", "15.00", "20.00", 1);
    RevenueRows.assertRow(
        rows, "coupon:summer20", "Coupon", "summer20", "30.00", "8.00", "22.00", 1);
    RevenueRows.assertRow(rows, "coupon:fall5", "Coupon", "fall5", "5.00", "0", "5.00", 1);
    RevenueRows.assertRow(rows, "utm:google", "UTM", "google", "75.00", "15.00", "60.00", 2);
    RevenueRows.assertRow(rows, "utm:newsletter", "UTM", "newsletter", "5.00", "8.00", "-3.00", 1);
    RevenueRows.assertRow(rows, "none", "None", null, "10.00", "0", "10.00", 1);
    assertThat(rows).hasSize(7);
    assertThat(rows.get("coupon:spring10"))
        .containsEntry("BC_Campaign__c", scenario.springCampaign);
    assertThat(rows.get("utm:google")).containsEntry("BC_Campaign__c", scenario.googleCampaign);
    assertThat(rows.get("coupon:summer20").get("BC_Campaign__c")).isNull();
    assertThat(rows.get("all").get("BC_Store__c")).isNotNull();

    assertCampaign(scenario.springCampaign, "20.00", 1);
    assertCampaign(scenario.googleCampaign, "60.00", 2);
  }

  @Test
  @Order(3)
  void rebuildingTwiceGivesTheSameRows() {
    Map<String, Map<String, Object>> before = rowsOf(day);
    int count = sf.count(OBJECT);

    job.rebuild(STORE, day);
    job.rebuild(STORE, day);

    assertThat(sf.count(OBJECT)).isEqualTo(count);
    assertThat(RevenueRows.comparable(rowsOf(day))).isEqualTo(RevenueRows.comparable(before));
    assertCampaign(scenario.springCampaign, "20.00", 1);
    assertCampaign(scenario.googleCampaign, "60.00", 2);
  }

  @Test
  @Order(4)
  void aLostResponseOfTheUpsertConvergesOnTheNextRun() {
    LocalDate twoDaysBefore = day.minusDays(2);
    sf.faults().loseResponses("upsert", OBJECT, 1, Duration.ZERO);

    assertThatThrownBy(() -> job.rebuild(STORE, twoDaysBefore))
        .isInstanceOf(DailyRevenueException.class)
        .satisfies(e -> assertThat(((DailyRevenueException) e).retryable()).isTrue());
    assertThat(rowsOf(twoDaysBefore)).as("committed although unanswered").hasSize(2);
    sf.faults().clear();

    job.rebuild(STORE, twoDaysBefore);

    Map<String, Map<String, Object>> rows = rowsOf(twoDaysBefore);
    assertThat(rows).hasSize(2);
    RevenueRows.assertRow(rows, "all", "Total", null, "35.00", "0", "35.00", 1);
    RevenueRows.assertRow(rows, "coupon:spring10", "Coupon", "spring10", "35.00", "0", "35.00", 1);
    // The day before the day (the newsletter order) is rebuilt too, once.
    RevenueRows.assertRow(
        rowsOf(day.minusDays(1)),
        "coupon:summer20",
        "Coupon",
        "summer20",
        "20.00",
        "0",
        "20.00",
        1);
    assertCampaign(scenario.springCampaign, "55.00", 2);
    assertCampaign(scenario.googleCampaign, "60.00", 2);
    assertThat(rowsOf(day)).hasSize(7);
  }

  @Test
  @Order(5)
  void theRebuildEndpointRefusesBadInputAndRebuildsGoodRequests() throws Exception {
    URI base = URI.create("http://localhost:" + port);
    String path = "/admin/daily-revenue/rebuild";
    String token = WebhookCalls.ADMIN_TOKEN;

    assertThat(WebhookCalls.postJson(base, path, "{\"store\":\"rev1\",\"since\":\"May 1\"}", token))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
        .satisfies(r -> assertThat(r.body()).contains("since must be a date like 2024-01-01"));
    assertThat(WebhookCalls.postJson(base, path, "{\"since\":\"" + day + "\"}", token).statusCode())
        .isEqualTo(400);
    assertThat(
            WebhookCalls.postJson(
                    base, path, "{\"store\":\"nostore\",\"since\":\"" + day + "\"}", token)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            WebhookCalls.postJson(
                    base, path, "{\"store\":\"rev1\",\"since\":\"" + day + "\"}", "wrong-token")
                .statusCode())
        .isEqualTo(401);
    int count = sf.count(OBJECT);

    var ok =
        WebhookCalls.postJson(base, path, "{\"store\":\"rev1\",\"since\":\"" + day + "\"}", token);

    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(ok.body()).contains("\"day\":\"" + day + "\"", "\"rows\":7");
    assertThat(sf.count(OBJECT)).isEqualTo(count);
  }

  @Test
  @Order(6)
  void theOrderRulesReadUtmFactsAndRefundsOfABatchInOneCallEach() {
    var rules =
        new io.bcsync.sync.rules.OrderRules(
            List.of(
                new io.bcsync.sync.rules.OrderRule(
                    "refunds",
                    new io.bcsync.sync.rules.Condition.RefundCreated(),
                    List.of(
                        new io.bcsync.sync.rules.Condition.UtmSourcePresent(java.util.Set.of())),
                    List.of(),
                    "test")));
    List<com.fasterxml.jackson.databind.JsonNode> orders = new java.util.ArrayList<>();
    salesReader
        .orders(STORE, List.of(scenario.refundedGoogleOrder, scenario.plainOrder))
        .values()
        .forEach(d -> orders.add(d.json()));
    Map<String, Long> before = store.callCounts();

    var extras = orderExtras.of(STORE, rules, orders);

    Map<String, Long> after = store.callCounts();
    assertThat(calls(after, before, "GET /v3/orders/payment_actions/refunds")).isEqualTo(1);
    assertThat(calls(after, before, "GET /v3/orders/metafields")).isEqualTo(1);
    assertThat(extras.get(scenario.refundedGoogleOrder).utm().source()).isEqualTo("google");
    assertThat(extras.get(scenario.refundedGoogleOrder).refunds())
        .singleElement()
        .satisfies(r -> assertThat(r.amount()).isEqualByComparingTo("15.00"));
    assertThat(extras.get(scenario.plainOrder).utm()).isNull();
    assertThat(extras.get(scenario.plainOrder).refunds()).isEmpty();
  }

  private static long calls(Map<String, Long> after, Map<String, Long> before, String route) {
    return after.getOrDefault(route, 0L) - before.getOrDefault(route, 0L);
  }

  // --- helpers ---

  private ManualScheduler manualScheduler(DataSource pool, SettableClock clock) {
    // The recurring task is known through startTasks (naming it here too would register it twice).
    TestHelper.ManualSchedulerBuilder builder = TestHelper.createManualScheduler(pool, List.of());
    builder.clock(clock);
    builder.startTasks(List.of(task));
    builder.commitWhenAutocommitDisabled(true);
    return builder.build();
  }

  private Map<String, Map<String, Object>> rowsOf(LocalDate date) {
    return RevenueRows.rowsOf(sf, STORE, date);
  }

  private void assertCampaign(String id, String revenue, int orders) {
    RevenueRows.assertCampaign(sf, id, revenue, orders);
  }
}
