package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.testsupport.WebhookCalls;
import io.bcsync.webhook.WebhookHeaders;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A B2C customer's figures on its Contact and household Account, webhook to Salesforce over both
 * simulators: two orders and a refund, then a replayed webhook of each order, which must leave the
 * figures as they were.
 */
@MicronautTest(transactional = false)
class CustomerFiguresEndToEndTest extends SyncEndToEndTestBase {
  private static final String FIGURES =
      "BC_Lifetime_Revenue__c BC_Order_Count__c BC_First_Order_Date__c BC_Last_Order_Date__c"
          + " BC_Avg_Days_Between_Orders__c BC_Segment__c";

  @Test
  void two_orders_and_a_refund_then_a_replayed_webhook_leaves_the_figures_unchanged()
      throws Exception {
    long customer = store.createCustomer("figures.e2e@example.com", "Fig", "Ures");
    long first = store.placeOrder(customer, mug);
    long second = store.placeOrder(customer, lamp);
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + second);
    awaitDone();
    store.refund(second, new BigDecimal("15.00"));
    BigDecimal expected =
        total(first).add(total(second)).subtract(new BigDecimal("15.00")).setScale(2);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              awaitDoneAndFlushFigures(); // the refund's figures are owed: the customer is linked
              return expected.compareTo(
                      revenue(one("Contact", "BC_Customer_Id__c", STORE + ":" + customer)))
                  == 0;
            });

    Map<String, Object> contact = one("Contact", "BC_Customer_Id__c", STORE + ":" + customer);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(new BigDecimal(contact.get("BC_Order_Count__c").toString()))
        .isEqualByComparingTo("2");
    assertThat(contact).containsEntry("BC_Segment__c", "Standard");
    assertThat(new BigDecimal(contact.get("BC_Avg_Days_Between_Orders__c").toString()))
        .as("placed the same day")
        .isEqualByComparingTo("0");
    assertThat(LocalDate.parse(contact.get("BC_Last_Order_Date__c").toString()))
        .isBetween(today.minusDays(1), today);
    assertThat(contact.get("BC_First_Order_Date__c")).isNotNull();
    Map<String, Object> account = one("Account", "Id", contact.get("AccountId"));
    assertThat(account.get("BC_Account_Key__c")).isEqualTo(STORE + ":customer:" + customer);
    for (String field : FIGURES.split(" ")) {
      assertThat(account.get(field)).as("Account " + field).isEqualTo(contact.get(field));
    }

    int replay = 0;
    for (long order : new long[] {first, second}) {
      String body = WebhookCalls.orderCallback("store/order/updated", order, "replay" + replay++);
      body =
          body.replace("stores/" + WebhookCalls.STORE, "stores/" + STORE)
              // A redelivery now: an unsigned callback older than webhook-max-age is refused.
              .replace("1561479335", String.valueOf(System.currentTimeMillis() / 1000));
      assertThat(
              WebhookCalls.post(
                      URI.create(publicUrl), body, Map.of(WebhookHeaders.STORE_SECRET, SECRET))
                  .statusCode())
          .isEqualTo(200);
    }
    awaitDoneAndFlushFigures();

    Map<String, Object> after = one("Contact", "BC_Customer_Id__c", STORE + ":" + customer);
    for (String field : FIGURES.split(" ")) {
      assertThat(after.get(field))
          .as("Contact " + field + " after the replay")
          .isEqualTo(contact.get(field));
    }
    assertThat(revenue(after)).isEqualByComparingTo(expected);
  }

  private BigDecimal total(long order) {
    return new BigDecimal(
        one("Order", "BC_Order_Id__c", STORE + ":" + order).get("BC_Grand_Total__c").toString());
  }

  private static BigDecimal revenue(Map<String, Object> record) {
    Object value = record.get("BC_Lifetime_Revenue__c");
    return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
  }
}
