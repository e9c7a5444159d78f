package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.sim.bigcommerce.webhooks.DeliveryChaos;
import io.bcsync.testsupport.OrderDrafts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code utm_source_present} and {@code refund_created} end to end over both simulators
 * (docs/order-rules.md): store {@value #STORE} switches on the shipped {@code utm_campaign} rule
 * (the Campaign of the order's UTM source, by {@code BC_Source_Key__c} {@code
 * {store}:utm:{source}}, created when missing) and a refund Case rule. The UTM source is the
 * storefront's order metafield ({@code bcsync}/{@code utm}), as the sync reads it. H2 here; {@code
 * …MariaDbTest} on MariaDB.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncEndToEndUtmAndRefundRulesTest extends SyncEndToEndTestBase {
  private static final String GOOGLE_KEY = STORE + ":utm:google";
  private static final String NEWSLETTER_KEY = STORE + ":utm:newsletter";

  @Override
  protected String storeMapping() {
    return """
          rules:
            utm_campaign:
              enabled: true
            refund_case:
              enabled: true
              trigger: refund_created
              actions:
                - case: { reason: Refund Issued, queue: BC_Order_Problems, origin: Web, priority: Medium, type: Question }
          """;
  }

  private long order(String email, String first, String last) {
    return OrderDrafts.newCustomerOrder(store, email, first, last, 11, mug, 2);
  }

  private List<Map<String, Object>> membersOf(String campaignKey, Object contactId) {
    Object campaignId = one("Campaign", "BC_Source_Key__c", campaignKey).get("Id");
    return where("CampaignMember", "CampaignId", campaignId).stream()
        .filter(m -> contactId.equals(m.get("ContactId")))
        .toList();
  }

  /**
   * The storefront records the UTM after checkout (BigCommerce sends no webhook for a metafield
   * write), so the order's next event, a status change, is the sync that surely sees it.
   */
  private void recordUtmThenShip(long order, String value) {
    store.recordStorefrontMetafield(order, "bcsync", "utm", value);
    store.changeOrderStatus(order, 9);
  }

  @Test
  @Order(1)
  void an_order_with_a_utm_source_joins_that_sources_campaign_once_across_duplicated_webhooks() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Name", "Google ads");
    fields.put("BC_Source_Key__c", GOOGLE_KEY);
    String googleCampaign = sf.createAsUser("Campaign", fields).id();
    store.setWebhookChaos(new DeliveryChaos(1.0, Duration.ofMillis(300), 23));

    long fromGoogle = order("utm.google@example.com", "Gus", "Google");
    recordUtmThenShip(fromGoogle, "{\"source\":\"Google\",\"medium\":\"cpc\"}");
    long fromNewsletter = order("utm.news@example.com", "Nell", "News");
    recordUtmThenShip(fromNewsletter, "utm_source=newsletter&utm_medium=email");
    long unattributed = order("utm.none@example.com", "Noah", "None");
    store.changeOrderStatus(unattributed, 9);

    await()
        .atMost(WAIT)
        .until(() -> !where("Campaign", "BC_Source_Key__c", NEWSLETTER_KEY).isEmpty());
    for (long order : List.of(fromGoogle, fromNewsletter, unattributed)) {
      await()
          .atMost(WAIT)
          .until(
              () ->
                  "Awaiting Shipment"
                      .equals(
                          awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order)
                              .get("BC_Status__c")));
    }
    awaitDone();
    // Once more, later: nothing new.
    store.changeOrderStatus(fromGoogle, 2);
    store.changeOrderStatus(fromNewsletter, 2);
    await()
        .atMost(WAIT)
        .until(
            () ->
                "Shipped"
                    .equals(
                        one("Order", "BC_Order_Id__c", STORE + ":" + fromNewsletter)
                            .get("BC_Status__c")));
    awaitDone();

    Object gus = one("Contact", "Email", "utm.google@example.com").get("Id");
    Object nell = one("Contact", "Email", "utm.news@example.com").get("Id");
    Object noah = one("Contact", "Email", "utm.none@example.com").get("Id");
    assertThat(where("Campaign", "BC_Source_Key__c", GOOGLE_KEY))
        .as("the existing Campaign of the source, not a second one")
        .singleElement()
        .satisfies(c -> assertThat(c).containsEntry("Id", googleCampaign));
    assertThat(membersOf(GOOGLE_KEY, gus))
        .singleElement()
        .satisfies(m -> assertThat(m).containsEntry("Status", "Sent"));
    assertThat(where("Campaign", "BC_Source_Key__c", NEWSLETTER_KEY))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c)
                    .containsEntry("Name", "UTM newsletter")
                    .containsEntry("BC_Source_Type__c", "UTM"));
    assertThat(membersOf(NEWSLETTER_KEY, nell)).hasSize(1);
    assertThat(membersOf(GOOGLE_KEY, nell)).isEmpty();
    assertThat(where("CampaignMember", "ContactId", noah)).as("no UTM, no campaign").isEmpty();
  }

  /**
   * Two refunds of one order, both made before the sync reads the order's refunds (the read is held
   * until the second exists): the rule fires once, for the later refund, and its one Case lists
   * both; the second refund's own webhook finds the firing done.
   */
  @Test
  @Order(2)
  void two_refunds_synced_in_one_batch_fire_the_refund_rule_once() {
    long order = order("refund.twice@example.com", "Tia", "Twice");
    String key = STORE + ":" + order + ":Refund Issued";
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();
    // A new Case is created (create-first), an existing one upserted: count both kinds of Case
    // write.
    long caseWrites = sf.apiCallCount("create", "Case") + sf.apiCallCount("upsert", "Case");
    CompletableFuture<Void> gate = new CompletableFuture<>();
    Fault held = Fault.gate(gate, 1).on("GET", "/payment_actions/refunds");
    store.injectFault(held);

    long first = store.refund(order, new BigDecimal("5.00"));
    await().atMost(WAIT).until(() -> held.arrivals() == 1);
    long second = store.refund(order, new BigDecimal("3.00"));
    gate.complete(null);

    await().atMost(WAIT).until(() -> !where("Case", "BC_Case_Key__c", key).isEmpty());
    awaitDone();
    assertThat(where("Case", "BC_Case_Key__c", key))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.get("Description").toString())
                    .contains("refund " + first + " on ")
                    .contains("refund " + second + " on ")
                    .contains("total refunded: 8.00"));
    assertThat(sf.apiCallCount("create", "Case") + sf.apiCallCount("upsert", "Case") - caseWrites)
        .as("one firing: one Case write")
        .isEqualTo(1);
  }
}
