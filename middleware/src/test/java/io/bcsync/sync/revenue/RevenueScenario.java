package io.bcsync.sync.revenue;

import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.orders.OrderDraft;
import io.bcsync.sim.bigcommerce.store.Address;
import io.bcsync.sim.bigcommerce.time.MutableClock;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The store's history the daily revenue tests summarise, placed in the BigCommerce simulator at
 * chosen times (its clock), with two Campaigns in the Salesforce simulator; the figures each test
 * expects are computed by hand from what is placed here.
 */
final class RevenueScenario {
  static final String STORE = DailyRevenueEndToEndTest.STORE;

  private final SimulatedStore store;
  private final SalesforceSimulator sf;
  private final MutableClock bcClock;
  private final LocalDate day;
  String springCampaign;
  String googleCampaign;
  long refundedGoogleOrder;
  long plainOrder;

  RevenueScenario(
      SimulatedStore store, SalesforceSimulator sf, MutableClock bcClock, LocalDate day) {
    this.store = store;
    this.sf = sf;
    this.bcClock = bcClock;
    this.day = day;
  }

  /**
   * The day: five sales (three coupons, two UTM sources, one with neither), a declined order that
   * is no sale, a partial refund of a sale of the day and a refund on the day of an order placed
   * the day before; a refund of the next day does not belong to it.
   */
  void place() {
    long mug = store.createProduct("Mug", "MUG-1", new BigDecimal("10.00"));
    long lamp = store.createProduct("Lamp", "LAMP-1", new BigDecimal("40.00"));
    store.createCoupon("SPRING10", 2, new BigDecimal("5.00"));
    store.createCoupon("SUMMER20", 2, new BigDecimal("20.00"));
    store.createCoupon("FALL5", 2, new BigDecimal("5.00"));
    springCampaign = campaign("Spring", STORE + ":coupon:spring10");
    googleCampaign = campaign("Google ads", STORE + ":utm:google");

    // The day before: 40 - 20 = 20.00 with SUMMER20, from the newsletter; refunded 8.00 on the day.
    bcClock.set(at(day.minusDays(1), 15));
    long previous = order("SUMMER20", 0, lamp);
    utm(previous, "{\"utm_source\":\"newsletter\",\"utm_medium\":\"email\"}");

    bcClock.set(at(day, 9));
    long o1 = order("SPRING10", 0, lamp); // 35.00
    refundedGoogleOrder = o1;
    utm(o1, "{\"source\":\"Google\",\"medium\":\"cpc\"}");
    bcClock.set(at(day, 10));
    order("SUMMER20", 0, mug, lamp); // 50 - 20 = 30.00, no UTM
    bcClock.set(at(day, 11));
    long o3 = order("FALL5", 0, mug); // 5.00
    utm(o3, "utm_source=newsletter&utm_medium=email");
    bcClock.set(at(day, 12));
    long o4 = order(null, 0, lamp); // 40.00
    utm(o4, "utm_source=google&utm_medium=cpc");
    bcClock.set(at(day, 13));
    plainOrder = order(null, 0, mug); // 10.00, unattributed
    bcClock.set(at(day, 14));
    order("SPRING10", 6, lamp); // Declined: no sale
    bcClock.set(at(day, 18));
    store.refund(o1, new BigDecimal("15.00"));
    store.refund(previous, new BigDecimal("8.00"));

    bcClock.set(at(day.plusDays(1), 0).plusSeconds(1));
    store.refund(o4, new BigDecimal("40.00")); // today: not the day's

    // Two days before: one sale, for the lost-response test.
    bcClock.set(at(day.minusDays(2), 9));
    order("SPRING10", 0, lamp); // 35.00
  }

  static Instant at(LocalDate date, int hour) {
    return date.atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
  }

  private long order(String coupon, int status, long... products) {
    OrderDraft draft = new OrderDraft();
    Address billing = new Address();
    billing.firstName = "Ada";
    billing.lastName = "Shopper";
    billing.email = "ada@example.com";
    draft.billing = billing;
    draft.couponCode = coupon;
    if (status != 0) {
      draft.statusId = status;
    }
    for (long product : products) {
      draft.addLine(OrderDraft.Line.of(product, 1));
    }
    return store.createOrder(draft);
  }

  private void utm(long orderId, String value) {
    store.recordStorefrontMetafield(orderId, "bcsync", "utm", value);
  }

  private String campaign(String name, String sourceKey) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Name", name);
    fields.put("BC_Source_Key__c", sourceKey);
    var outcome = sf.createAsUser("Campaign", fields);
    if (!outcome.success()) {
      throw new IllegalStateException("Campaign " + name + ": " + outcome.errors());
    }
    return outcome.id();
  }
}
