package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.sim.bigcommerce.orders.OrderDraft;
import io.bcsync.sim.bigcommerce.webhooks.DeliveryChaos;
import io.bcsync.testsupport.OrderDrafts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Order rules end to end over both simulators (docs/order-rules.md): store {@value #STORE} enables
 * the shipped first- and repeat-order campaign rules. First and repeat orders land in their
 * Campaigns (created by their source keys), and a person is a member of each Campaign once however
 * often the order arrives and when Salesforce's answer to the CampaignMember create is lost.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncEndToEndOrderRulesTest extends SyncEndToEndTestBase {
  private static final String FIRST_KEY = STORE + ":campaign:first-order";
  private static final String REPEAT_KEY = STORE + ":campaign:repeat-order";

  @Override
  protected String storeMapping() {
    return """
          orders:
            activate_on_status: [2, 9]
          rules:
            first_order_campaign:
              enabled: true
            repeat_order_campaign:
              enabled: true
            coupon_campaign:
              enabled: true
            high_value_campaign:
              enabled: true
              trigger: { total_at_least: 100.00 }
          """;
  }

  private List<Map<String, Object>> membersOf(String campaignKey, Object contactId) {
    Object campaignId = one("Campaign", "BC_Source_Key__c", campaignKey).get("Id");
    return where("CampaignMember", "CampaignId", campaignId).stream()
        .filter(m -> contactId.equals(m.get("ContactId")))
        .toList();
  }

  @Test
  @Order(1)
  void first_and_repeat_orders_land_in_their_campaigns_once_across_duplicated_webhooks() {
    long customer = store.createCustomer("rules.first@example.com", "Rita", "Rules");
    store.setWebhookChaos(new DeliveryChaos(1.0, Duration.ofMillis(300), 11));
    long first = store.placeOrder(customer, mug);
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + first);
    awaitDone();
    Object contactId = one("Contact", "Email", "rules.first@example.com").get("Id");
    await().atMost(WAIT).until(() -> !where("Campaign", "BC_Source_Key__c", FIRST_KEY).isEmpty());
    awaitDone();

    // The first order synced again (a status change) still fires nothing new.
    store.changeOrderStatus(first, 2);
    long second = store.placeOrder(customer, lamp);
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + second);
    await().atMost(WAIT).until(() -> !where("Campaign", "BC_Source_Key__c", REPEAT_KEY).isEmpty());
    awaitDone();

    Map<String, Object> campaign = one("Campaign", "BC_Source_Key__c", FIRST_KEY);
    assertThat(campaign).containsEntry("Name", "BigCommerce first-time buyers");
    assertThat(where("Campaign", "BC_Source_Key__c", FIRST_KEY)).hasSize(1);
    assertThat(membersOf(FIRST_KEY, contactId))
        .singleElement()
        .satisfies(m -> assertThat(m).containsEntry("Status", "Sent"));
    assertThat(membersOf(REPEAT_KEY, contactId)).hasSize(1);
  }

  @Test
  @Order(2)
  void a_membership_whose_create_answer_was_lost_is_made_once() {
    long customer = store.createCustomer("rules.lost@example.com", "Lou", "Lost");
    int before = sf.faults().lostResponses();
    sf.faults().loseResponses("create", "CampaignMember", 1, Duration.ZERO);
    long order = store.placeOrder(customer, mug);
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    await().atMost(WAIT).until(() -> sf.faults().lostResponses() == before + 1);
    awaitDone();

    Object contactId = one("Contact", "Email", "rules.lost@example.com").get("Id");
    assertThat(membersOf(FIRST_KEY, contactId)).hasSize(1);
    assertThat(membersOf(REPEAT_KEY, contactId)).isEmpty();
  }

  @Test
  @Order(3)
  void a_coupon_order_creates_the_coupons_campaign_and_a_high_value_one_lands_in_its_own() {
    store.createCoupon("SPRING10", 2, new BigDecimal("1.00"));
    long customer = store.createCustomer("rules.coupon@example.com", "Cora", "Coupon");
    OrderDraft draft =
        OrderDrafts.billedTo(customer, "rules.coupon@example.com", "Cora", "Coupon", 11);
    draft.couponCode = "SPRING10";
    draft.addLine(
        OrderDraft.Line.of(lamp, 3)); // 120.00 less the coupon: above the 100.00 threshold
    long order = store.createOrder(draft);
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();

    Object contactId = one("Contact", "Email", "rules.coupon@example.com").get("Id");
    String couponKey = STORE + ":coupon:spring10";
    assertThat(one("Campaign", "BC_Source_Key__c", couponKey))
        .containsEntry("Name", "Coupon spring10")
        .containsEntry("BC_Source_Type__c", "Coupon");
    assertThat(membersOf(couponKey, contactId)).hasSize(1);
    assertThat(membersOf(STORE + ":campaign:high-value", contactId)).hasSize(1);
    assertThat(membersOf(FIRST_KEY, contactId)).hasSize(1);
  }
}
