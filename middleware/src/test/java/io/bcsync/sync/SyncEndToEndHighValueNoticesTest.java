package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.webhooks.DeliveryChaos;
import io.bcsync.sync.rules.RuleFirings;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.OrderDrafts;
import io.bcsync.testsupport.SlackCatcher;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * High-value orders end to end (docs/order-rules.md, "High-value orders"): store {@value #STORE}
 * writes orders as Order, and its rule {@code big_orders} (total ≥ 500) makes an Opportunity, a
 * Slack message (to {@link SlackCatcher}, an embedded endpoint) and an e-mail (to GreenMail, a real
 * SMTP server). One of each per order, however often the order arrives, when the Opportunity
 * upsert's answer is lost, and across Slack and SMTP outages; a Slack 404 dead-letters the notice
 * with the reason.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncEndToEndHighValueNoticesTest extends SyncEndToEndTestBase {
  private static final String SALES = "sales@example.com";

  private SlackCatcher slack;
  private GreenMail smtp;
  private ServerSetup smtpSetup;

  @Override
  protected String storeMapping() {
    return """
          rules:
            big_orders:
              enabled: true
              trigger: { total_at_least: 500.00 }
              actions:
                - high_value_opportunity: {}
                - notify_slack: {}
                - notify_email: { to: [sales@example.com] }
          """;
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new java.util.HashMap<>(super.getProperties());
    slack = SlackCatcher.start();
    smtpSetup = new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    smtp = new GreenMail(smtpSetup);
    smtp.start();
    properties.put("bcsync.notices.stores." + STORE + ".slack-webhook-url", slack.url());
    properties.put("bcsync.notices.smtp.host", "127.0.0.1");
    properties.put("bcsync.notices.smtp.port", String.valueOf(smtpSetup.getPort()));
    properties.put("bcsync.notices.smtp.tls", "none");
    properties.put("bcsync.notices.smtp.from", "bcsync@example.com");
    properties.put("bcsync.notices.smtp.timeout", "2s");
    properties.put("bcsync.notices.salesforce-url", "https://acme.my.salesforce.com");
    return properties;
  }

  @AfterAll
  void stopCatchers() {
    slack.close();
    smtp.stop();
  }

  private long bigOrder(String email, String first, String last) {
    return OrderDrafts.newCustomerOrder(store, email, first, last, 11, lamp, 15);
  }

  private List<MimeMessage> mailsAbout(long order) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getSubject().startsWith("High-value order #" + order + ":");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private Map<String, Object> awaitNotices(long order) {
    Map<String, Object> opportunity =
        awaitOne("Opportunity", "BC_Order_Id__c", STORE + ":" + order);
    await()
        .atMost(WAIT)
        .until(
            () ->
                slack.messagesAbout("#" + order + ":").size() == 1
                    && mailsAbout(order).size() == 1);
    awaitDone();
    return opportunity;
  }

  private void assertOneOfEach(long order) {
    assertThat(where("Opportunity", "BC_Order_Id__c", STORE + ":" + order)).hasSize(1);
    assertThat(slack.messagesAbout("#" + order + ":")).hasSize(1);
    assertThat(mailsAbout(order)).hasSize(1);
  }

  private List<WorkItem> noticeItems(WorkItemStatus status) {
    return inspector.workItems(Optional.of(status), Optional.empty(), 500).stream()
        .filter(i -> i.entity().type().equals(RuleFirings.NOTICE_TYPE))
        .toList();
  }

  @Test
  @Order(1)
  void a_high_value_order_makes_one_opportunity_one_slack_message_and_one_mail() throws Exception {
    store.setWebhookChaos(new DeliveryChaos(1.0, Duration.ofMillis(300), 11));
    long order = bigOrder("big.spender@example.com", "Bea", "Spender");

    Map<String, Object> opportunity = awaitNotices(order);

    Map<String, Object> contact = one("Contact", "Email", "big.spender@example.com");
    assertThat(awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order)).isNotNull();
    assertThat(opportunity)
        .containsEntry("AccountId", contact.get("AccountId"))
        .containsEntry("Name", "BigCommerce order " + order);
    JsonNode message = slack.messagesAbout("#" + order + ":").get(0);
    String blocks = message.path("blocks").toString();
    assertThat(message.path("text").asText()).contains("600.00").contains("Bea Spender");
    assertThat(blocks)
        .contains("LAMP-1 x 15")
        .contains("https://acme.my.salesforce.com/" + opportunity.get("Id"))
        .contains("https://store-" + STORE + ".mybigcommerce.com/manage/orders/" + order);
    MimeMessage mail = mailsAbout(order).get(0);
    assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(SALES);
    assertThat(mail.getMessageID())
        .isEqualTo("<" + order + ".email.big_orders." + STORE + "@bcsync>");
    assertThat(mail.getContent().toString())
        .contains("LAMP-1 x 15")
        .contains("https://acme.my.salesforce.com/" + opportunity.get("Id"));

    // The order comes again (a later status, with duplicated deliveries): nothing more is sent.
    Object statusBefore = one("Order", "BC_Order_Id__c", STORE + ":" + order).get("BC_Status__c");
    store.changeOrderStatus(order, 2);
    await()
        .atMost(WAIT)
        .until(
            () ->
                !statusBefore.equals(
                    one("Order", "BC_Order_Id__c", STORE + ":" + order).get("BC_Status__c")));
    awaitDone();
    assertOneOfEach(order);
  }

  @Test
  @Order(2)
  void a_lost_answer_to_the_opportunity_upsert_converges_on_one_of_each() {
    int before = sf.faults().lostResponses();
    sf.faults().loseResponses("upsert", "Opportunity", 1, Duration.ZERO);
    long order = bigOrder("lost.answer@example.com", "Lou", "Answer");

    awaitNotices(order);

    assertThat(sf.faults().lostResponses()).isEqualTo(before + 1);
    assertOneOfEach(order);
  }

  @Test
  @Order(3)
  void a_slack_outage_and_a_down_smtp_server_are_retried_then_delivered_once() {
    slack.answer(500, 2);
    smtp.stop();
    int slackAttempts = slack.attempts();
    long order = bigOrder("outage@example.com", "Otto", "Outage");

    awaitOne("Opportunity", "BC_Order_Id__c", STORE + ":" + order);
    await().atMost(WAIT).until(() -> slack.attempts() >= slackAttempts + 3);
    await()
        .atMost(WAIT)
        .until(
            () ->
                noticeItems(WorkItemStatus.PENDING).stream()
                    .anyMatch(
                        i ->
                            i.entity().id().startsWith(order + ":email:")
                                && i.lastError() != null
                                && i.lastError().contains("SMTP")));
    smtp = new GreenMail(smtpSetup);
    smtp.start();

    awaitNotices(order);
    assertOneOfEach(order);
  }

  @Test
  @Order(4)
  void a_slack_404_dead_letters_the_notice_with_the_reason_and_the_mail_still_goes() {
    slack.answerAlways(404);
    long order = bigOrder("gone.channel@example.com", "Gwen", "Gone");

    await()
        .atMost(WAIT)
        .until(
            () ->
                noticeItems(WorkItemStatus.DEAD).stream()
                    .anyMatch(i -> i.entity().id().equals(order + ":slack:big_orders")));
    await().atMost(WAIT).until(() -> mailsAbout(order).size() == 1);

    WorkItem dead =
        noticeItems(WorkItemStatus.DEAD).stream()
            .filter(i -> i.entity().id().equals(order + ":slack:big_orders"))
            .findFirst()
            .orElseThrow();
    assertThat(dead.lastError())
        .contains("Slack answered 404 no_service")
        .doesNotContain(SlackCatcher.PATH)
        .doesNotContain("not-a-real-secret");
    assertThat(dead.attempts()).isEqualTo(1);
    assertThat(slack.messagesAbout("#" + order + ":")).isEmpty();
  }
}
