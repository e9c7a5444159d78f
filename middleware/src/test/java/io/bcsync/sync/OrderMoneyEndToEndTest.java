package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.bigcommerce.manifest.AppManifest;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.orders.OrderDraft;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.SimulatedConnections;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Order money over both simulators (webhook → middleware → Salesforce simulator), with the shipped
 * default mapping: an order with a coupon, tax and shipping lands on the Salesforce Order with its
 * subtotal, discount, shipping and tax totals, and on each OrderItem with its line discount and the
 * net unit price, so TotalAmount is what the shopper paid for the items. The setup is a minimal
 * copy of {@link SyncEndToEndTestBase}'s.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderMoneyEndToEndTest implements TestPropertyProvider {
  static final String STORE = "money1";
  static final String SECRET = "money-webhook-secret-0123456789";
  static final Duration WAIT = Duration.ofSeconds(40);

  @Inject QueueInspector inspector;
  @Inject AppManifest manifest;

  BigCommerceSimulator bc;
  SalesforceSimulator sf;
  SimulatedStore store;
  long mug;
  long lamp;

  @Override
  public Map<String, String> getProperties() {
    bc =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .allowLocalHttpHookDestinations(true)
                .rateLimit(10_000, Duration.ofSeconds(30)));
    store =
        bc.createStore(
            BigCommerceSimulator.StoreSpec.named(STORE).accessToken("tok-" + STORE).clientId("m1"));
    sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox());
    mug = store.createProduct("Mug", "MUG-1", new BigDecimal("9.95"));
    lamp = store.createProduct("Lamp", "LAMP-1", new BigDecimal("40.00"));
    int port = FreePort.find();
    Map<String, String> properties =
        SimulatedConnections.middleware(
            TestDatabases.h2(), bc, sf, port, STORE, "tok-" + STORE, SECRET);
    properties.put("bcsync.scheduler.enabled", "false");
    return properties;
  }

  @AfterAll
  void stop() {
    bc.close();
    sf.close();
  }

  @Test
  void an_order_with_a_coupon_tax_and_shipping_lands_with_its_totals_and_line_discounts() {
    // Hooks are registered in the background at startup; an order placed before that would not be
    // delivered.
    await().atMost(WAIT).until(() -> store.read(s -> s.hooks.size()) == manifest.hooks().size());
    store.createCoupon("SAVE6", 2, new BigDecimal("6.00"));
    OrderDraft draft = new OrderDraft();
    draft.customerId = store.createCustomer("ada@example.com", "Ada", "Lovelace");
    draft.billing.firstName = "Ada";
    draft.billing.lastName = "Lovelace";
    draft.billing.email = "ada@example.com";
    draft.addLine(OrderDraft.Line.of(mug, 2)).addLine(OrderDraft.Line.of(lamp, 1));
    draft.couponCode = "SAVE6";
    draft.shippingCost = new BigDecimal("7.50");
    draft.taxRate = new BigDecimal("8");
    long order = store.createOrder(draft);

    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();

    // Items 59.90; the 6.00 coupon is spread 2.00 on the mugs and 4.00 on the lamp; 8% tax on items
    // (4.80) and
    // shipping (0.60): 59.90 - 6.00 + 7.50 + 5.40 = 66.80.
    sfOrder = sf.record((String) sfOrder.get("Id")).orElseThrow();
    assertThat(money(sfOrder, "BC_Subtotal__c")).isEqualByComparingTo("59.90");
    assertThat(money(sfOrder, "BC_Discount_Total__c")).isEqualByComparingTo("6.00");
    assertThat(money(sfOrder, "BC_Shipping_Total__c")).isEqualByComparingTo("7.50");
    assertThat(money(sfOrder, "BC_Tax_Total__c")).isEqualByComparingTo("5.40");
    assertThat(money(sfOrder, "BC_Grand_Total__c")).isEqualByComparingTo("66.80");
    assertThat(sfOrder.get("BC_Coupon_Codes__c")).isEqualTo("SAVE6");
    Map<String, Object> mugLine = line(sfOrder, "MUG-1");
    Map<String, Object> lampLine = line(sfOrder, "LAMP-1");
    assertThat(money(mugLine, "BC_Discount__c")).isEqualByComparingTo("2.00");
    assertThat(money(mugLine, "UnitPrice")).isEqualByComparingTo("8.95");
    assertThat(money(lampLine, "BC_Discount__c")).isEqualByComparingTo("4.00");
    assertThat(money(lampLine, "UnitPrice")).isEqualByComparingTo("36.00");
    assertThat(money(sfOrder, "TotalAmount"))
        .as("what the shopper paid for the items, before tax")
        .isEqualByComparingTo("53.90");
  }

  // --- helpers ---

  private Map<String, Object> line(Map<String, Object> sfOrder, String sku) {
    List<Map<String, Object>> lines =
        where("OrderItem", "OrderId", sfOrder.get("Id")).stream()
            .filter(line -> sku.equals(line.get("BC_Sku__c")))
            .toList();
    assertThat(lines).as("OrderItems with SKU " + sku).hasSize(1);
    return lines.get(0);
  }

  /** The simulator hands numbers out as doubles; their text is exact for cents. */
  private static BigDecimal money(Map<String, Object> record, String field) {
    Object value = record.get(field);
    assertThat(value).as(field).isNotNull();
    return new BigDecimal(value.toString());
  }

  private Map<String, Object> awaitOne(String type, String field, Object value) {
    return records().awaitOne(type, field, value);
  }

  private void awaitDone() {
    records().awaitDone();
  }

  private List<Map<String, Object>> where(String type, String field, Object value) {
    return records().where(type, field, value);
  }

  private io.bcsync.testsupport.SyncedRecords records() {
    return new io.bcsync.testsupport.SyncedRecords(sf, inspector, WAIT);
  }
}
