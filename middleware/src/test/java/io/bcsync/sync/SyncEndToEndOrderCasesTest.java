package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.console.RecordTimeline;
import io.bcsync.console.TimelineQuery;
import io.bcsync.sim.bigcommerce.webhooks.DeliveryChaos;
import io.bcsync.sync.rules.FulfilmentDelays;
import io.bcsync.sync.rules.FulfilmentWatch;
import io.bcsync.testsupport.OrderDrafts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Case action end to end over both simulators (docs/order-rules.md): store {@value #STORE}
 * opens a Case in the {@code BC_Order_Problems} Queue (shipped by the package, supporting Case)
 * when an order is Declined or Cancelled, and turns on the shipped Case rules for a failed payment
 * transaction, returned items and a fulfilment delay. One Case per order and reason however often
 * the order arrives, updated by its later status, and made once when Salesforce's answer to the
 * Case upsert is lost. A refund rule ({@code refund_created}) opens a Case listing the refunds.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncEndToEndOrderCasesTest extends SyncEndToEndTestBase {
  private static final String QUEUE = "BC_Order_Problems";

  @Inject FulfilmentWatch watch;
  @Inject RecordTimeline timeline;

  @Override
  protected String storeMapping() {
    return """
          rules:
            problem_orders:
              enabled: true
              trigger: { status_in: [Declined, Cancelled] }
              actions:
                - case:
                    reason: Payment Declined
                    queue: BC_Order_Problems
                    origin: Web
                    priority: High
                    type: Problem
            payment_failed_case:
              enabled: true
            items_returned_case:
              enabled: true
            fulfilment_delayed_case:
              enabled: true
            refund_case:
              enabled: true
              trigger: refund_created
              actions:
                - case: { reason: Refund Issued, queue: BC_Order_Problems, origin: Web, priority: Medium, type: Question }
          """;
  }

  private Object queueId() {
    return one("Group", "DeveloperName", QUEUE).get("Id");
  }

  private long declinedOrder(String email, String first, String last) {
    return OrderDrafts.newCustomerOrder(store, email, first, last, 6, mug, 2);
  }

  @Test
  @Order(1)
  void a_declined_order_opens_one_case_in_the_queue_and_its_cancellation_updates_it() {
    store.setWebhookChaos(new DeliveryChaos(1.0, Duration.ofMillis(300), 7));
    long order = declinedOrder("case.declined@example.com", "Dee", "Clined");
    String key = STORE + ":" + order + ":Payment Declined";
    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    await().atMost(WAIT).until(() -> !where("Case", "BC_Case_Key__c", key).isEmpty());
    awaitDone();

    Map<String, Object> contact = one("Contact", "Email", "case.declined@example.com");
    Map<String, Object> opened = one("Case", "BC_Case_Key__c", key);
    assertThat(where("Case", "BC_Case_Key__c", key)).hasSize(1);
    assertThat(opened)
        .containsEntry("OwnerId", queueId())
        .containsEntry("ContactId", contact.get("Id"))
        .containsEntry("AccountId", contact.get("AccountId"))
        .containsEntry("BC_Related_Order__c", sfOrder.get("Id"))
        .containsEntry("BC_Reason__c", "Payment Declined")
        .containsEntry("Origin", "Web")
        .containsEntry("Priority", "High")
        .containsEntry("Type", "Problem")
        .containsEntry("Subject", "Payment Declined: BigCommerce order #" + order + " (Declined)");
    assertThat(opened.get("Description").toString())
        .contains("Status: Declined")
        .contains("MUG-1 x 2")
        .contains("https://store-" + STORE + ".mybigcommerce.com/manage/orders/" + order);
    // The record timeline lists the Case the rule wrote with its Salesforce id; the id finds it.
    assertThat(timeline.find(TimelineQuery.parse(String.valueOf(order), STORE)).entries())
        .extracting(e -> e.title() + " / " + e.detail())
        .contains(
            "Order rule problem_orders wrote Case " + key + " / Salesforce id " + opened.get("Id"));
    assertThat(timeline.find(TimelineQuery.parse(opened.get("Id").toString(), null)).records())
        .contains(new RecordTimeline.Record(STORE, "order", String.valueOf(order)));

    store.changeOrderStatus(order, 5);
    await()
        .atMost(WAIT)
        .until(
            () ->
                one("Case", "BC_Case_Key__c", key)
                    .get("Subject")
                    .toString()
                    .endsWith("(Cancelled)"));
    awaitDone();
    assertThat(where("Case", "BC_Case_Key__c", key))
        .singleElement()
        .satisfies(c -> assertThat(c).containsEntry("Id", opened.get("Id")));
  }

  @Test
  @Order(2)
  void a_case_whose_create_answer_was_lost_is_made_once_and_keeps_its_owner() {
    // A new Case goes out as a create (CaseWrites): Salesforce commits it and the answer is lost;
    // the retry's create is refused as existing and the upsert by the key updates the same Case.
    int before = sf.faults().lostResponses();
    sf.faults().loseResponses("create", "Case", 1, Duration.ZERO);
    long order = declinedOrder("case.lost@example.com", "Lou", "Lost");
    String key = STORE + ":" + order + ":Payment Declined";
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    await().atMost(WAIT).until(() -> sf.faults().lostResponses() == before + 1);
    awaitDone();

    assertThat(where("Case", "BC_Case_Key__c", key))
        .singleElement()
        .satisfies(c -> assertThat(c).containsEntry("OwnerId", queueId()));
  }

  private long order(String email, String first, String last, int statusId) {
    return OrderDrafts.newCustomerOrder(store, email, first, last, statusId, mug, 2);
  }

  @Test
  @Order(3)
  void a_failed_payment_transaction_opens_a_case_with_the_payment_details() {
    long order = order("case.attempt@example.com", "Atte", "Mpt", 7);
    String key = STORE + ":" + order + ":Payment Failed";
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();
    assertThat(where("Case", "BC_Case_Key__c", key)).isEmpty();

    long transaction = store.declinePayment(order, "Insufficient funds");
    await().atMost(WAIT).until(() -> !where("Case", "BC_Case_Key__c", key).isEmpty());
    awaitDone();

    Map<String, Object> opened = one("Case", "BC_Case_Key__c", key);
    assertThat(opened)
        .containsEntry("OwnerId", queueId())
        .containsEntry("BC_Reason__c", "Payment Failed")
        .containsEntry("Priority", "High");
    assertThat(opened.get("Description").toString())
        .contains("Status: Awaiting Payment")
        .contains("Failed payments:")
        .contains(": error (transaction " + transaction + ")");

    store.changeOrderStatus(order, 6);
    await()
        .atMost(WAIT)
        .until(
            () ->
                one("Order", "BC_Order_Id__c", STORE + ":" + order)
                    .get("BC_Status__c")
                    .equals("Declined"));
    awaitDone();
    assertThat(where("Case", "BC_Case_Key__c", key)).hasSize(1);
  }

  @Test
  @Order(4)
  void a_return_opens_a_case_listing_the_returned_line() {
    long order = order("case.return@example.com", "Re", "Turn", 10);
    String key = STORE + ":" + order + ":Items Returned";
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();

    long returnId = store.markReturned(order, "MUG-1");
    await().atMost(WAIT).until(() -> !where("Case", "BC_Case_Key__c", key).isEmpty());
    awaitDone();

    assertThat(where("Case", "BC_Case_Key__c", key))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c).containsEntry("OwnerId", queueId());
              assertThat(c.get("Description").toString())
                  .contains("Returned lines:")
                  .contains("MUG-1 Mug (return " + returnId + ")");
            });
  }

  /**
   * A refund made through the simulator's V3 refunds API reaches the middleware as {@code
   * store/order/refund/created} (every webhook delivered twice) and opens one Case listing it; a
   * second refund, whose Case upsert answer is lost once, updates that Case to list both.
   */
  @Test
  @Order(6)
  void a_refund_webhook_opens_one_case_and_a_second_refund_updates_it() throws Exception {
    long order = order("case.refund@example.com", "Ree", "Fund", 10);
    String key = STORE + ":" + order + ":Refund Issued";
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();
    assertThat(where("Case", "BC_Case_Key__c", key)).isEmpty();

    store.setWebhookChaos(new DeliveryChaos(1.0, Duration.ofMillis(300), 11));
    long first = refundThroughApi(order, "5.00");
    await().atMost(WAIT).until(() -> !where("Case", "BC_Case_Key__c", key).isEmpty());
    awaitDone();
    Map<String, Object> opened = one("Case", "BC_Case_Key__c", key);
    assertThat(where("Case", "BC_Case_Key__c", key)).hasSize(1);
    assertThat(opened)
        .containsEntry("OwnerId", queueId())
        .containsEntry("BC_Reason__c", "Refund Issued")
        .containsEntry("Type", "Question");
    assertThat(opened.get("Description").toString())
        .contains("Refunds (BigCommerce V3):")
        .contains("refund " + first + " on ")
        .contains("total refunded: 5.00");

    int lostBefore = sf.faults().lostResponses();
    sf.faults().loseResponses("upsert", "Case", 1, Duration.ZERO);
    long second = store.refund(order, new BigDecimal("3.00"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                one("Case", "BC_Case_Key__c", key)
                    .get("Description")
                    .toString()
                    .contains("refund " + second + " on "));
    await().atMost(WAIT).until(() -> sf.faults().lostResponses() == lostBefore + 1);
    awaitDone();
    assertThat(where("Case", "BC_Case_Key__c", key))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c).containsEntry("Id", opened.get("Id"));
              assertThat(c.get("Description").toString())
                  .contains("refund " + first + " on ")
                  .contains("total refunded: 8.00");
            });
  }

  /** {@code POST /v3/orders/{id}/payment_actions/refunds}, as a control-panel user's refund. */
  private long refundThroughApi(long order, String amount) throws Exception {
    String body =
        "{\"items\":[{\"item_type\":\"ORDER\",\"item_id\":"
            + order
            + ",\"amount\":"
            + amount
            + "}],\"payments\":[{\"provider_id\":\"custom\",\"amount\":"
            + amount
            + ",\"offline\":true}],\"reason\":\"Damaged in transit\"}";
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            bc.baseUrl()
                                + "/stores/"
                                + STORE
                                + "/v3/orders/"
                                + order
                                + "/payment_actions/refunds"))
                    .header("X-Auth-Token", "tok-" + STORE)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new ObjectMapper().readTree(response.body()).path("data").path("id").asLong();
  }

  /**
   * An order placed almost 48 hours ago and still Awaiting Fulfillment is watched, not flagged;
   * once due, the fulfilment-delay job re-syncs it and it opens one Case, however often the job
   * runs after. The store's clock is set back so the order's date is old without waiting two days.
   */
  @Test
  @Order(5)
  void a_late_order_found_by_the_fulfilment_delay_job_opens_one_case() {
    long margin = Duration.ofSeconds(20).toMillis();
    bcOffsetMs.set(-(Duration.ofHours(48).toMillis() - margin));
    long order;
    try {
      order = order("case.late@example.com", "Lay", "Te", 11);
    } finally {
      bcOffsetMs.set(0);
    }
    String key = STORE + ":" + order + ":Fulfilment Delayed";
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();
    assertThat(where("Case", "BC_Case_Key__c", key)).isEmpty();
    long due = watch.dueAt(STORE, order).orElseThrow();

    await()
        .atMost(Duration.ofMillis(margin).plus(WAIT))
        .until(() -> System.currentTimeMillis() >= due);
    assertThat(FulfilmentDelays.run(watch, System.currentTimeMillis())).isPositive();
    await().atMost(WAIT).until(() -> !where("Case", "BC_Case_Key__c", key).isEmpty());
    awaitDone();
    assertThat(watch.dueAt(STORE, order)).isEmpty();
    assertThat(FulfilmentDelays.run(watch, System.currentTimeMillis())).isZero();

    store.changeOrderStatus(order, 9);
    await()
        .atMost(WAIT)
        .until(
            () ->
                one("Order", "BC_Order_Id__c", STORE + ":" + order)
                    .get("BC_Status__c")
                    .equals("Awaiting Shipment"));
    awaitDone();
    assertThat(where("Case", "BC_Case_Key__c", key))
        .singleElement()
        .satisfies(c -> assertThat(c).containsEntry("OwnerId", queueId()));
  }
}
