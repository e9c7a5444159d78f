package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.MiddlewareJvm;
import io.bcsync.testsupport.OrderDrafts;
import io.bcsync.testsupport.SlackCatcher;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * High-value orders across a real crash (docs/order-rules.md, "High-value orders"): the middleware
 * runs in its own JVM and is killed with SIGKILL, then restarted on the same database.
 *
 * <ul>
 *   <li>Order A: Salesforce commits its Opportunity upsert and holds the answer; the process dies
 *       while it waits, so neither the firing nor its notices were committed.
 *   <li>Order B: its firing and notices were committed, but Slack answers 503 and the SMTP server
 *       is down, so neither notice was sent (nor marked sent) when the process dies.
 * </ul>
 *
 * After the restart (Slack and SMTP back): exactly one Opportunity, one Slack message and one
 * e-mail per order, never zero, and later syncs of both orders send nothing more. On H2 (a file
 * database); {@code HighValueCrashRecoveryMariaDbTest} on MariaDB.
 */
class HighValueCrashRecoveryTest extends KilledMiddlewareTestBase {
  static final String STORE = "crashhv";
  static final Duration WAIT = Duration.ofSeconds(120);

  HighValueCrashRecoveryTest() {
    super(STORE, WAIT);
  }

  @Test
  void a_killed_middleware_sends_each_notice_once_after_its_restart() throws Exception {
    startSimulators();
    SlackCatcher slack = closeLater(SlackCatcher.start());
    ServerSetup smtpSetup =
        new ServerSetup(FreePort.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    long lamp = store.createProduct("Lamp", "LAMP-1", new BigDecimal("40.00"));
    Map<String, String> properties = properties(slack, smtpSetup);

    // Slack fails and no SMTP server listens while the first process runs.
    slack.answerAlways(503);
    MiddlewareJvm first = start(properties);
    awaitHooksRegistered();

    long orderB = bigOrder(store, lamp, "notice.pending@example.com", "Nina", "Pending");
    await().atMost(WAIT).until(() -> ofOrder("Opportunity", orderB).size() == 1);
    await().atMost(WAIT).until(() -> slack.attempts() >= 2);

    int lostBefore = sf.faults().lostResponses();
    sf.faults().loseResponses("upsert", "Opportunity", 1, Duration.ofMinutes(5));
    long orderA = bigOrder(store, lamp, "crash.spender@example.com", "Cora", "Crash");
    await().atMost(WAIT).until(() -> sf.faults().lostResponses() == lostBefore + 1);
    first.kill();
    sf.faults().clear();
    assertThat(ofOrder("Opportunity", orderA))
        .as("committed, answer lost with the process")
        .hasSize(1);
    assertThat(slack.messagesAbout("#" + orderA + ":")).isEmpty();
    assertThat(slack.messagesAbout("#" + orderB + ":")).isEmpty();

    slack.answerAlways(200);
    GreenMail smtp = new GreenMail(smtpSetup);
    smtp.start();
    closeLater(smtp::stop);
    MiddlewareJvm second = start(properties);

    for (long order : List.of(orderA, orderB)) {
      await()
          .atMost(WAIT)
          .until(
              () ->
                  slack.messagesAbout("#" + order + ":").size() == 1
                      && mailsAbout(smtp, order) == 1);
    }
    awaitDrained(second);
    assertOneOfEach(slack, smtp, orderA, orderB);

    // Later syncs of both orders (a status change, then webhooks) send nothing more.
    store.changeOrderStatus(orderA, 9);
    store.changeOrderStatus(orderB, 9);
    await()
        .atMost(WAIT)
        .until(
            () ->
                List.of(orderA, orderB).stream()
                    .allMatch(
                        o ->
                            ofOrder("Order", o).stream()
                                .anyMatch(r -> "Awaiting Shipment".equals(r.get("BC_Status__c")))));
    awaitDrained(second);
    assertOneOfEach(slack, smtp, orderA, orderB);
    assertThat(second.workItems("DEAD")).as("nothing dead-lettered; see " + second.log()).isZero();
    closeAndDeleteWorkDir();
  }

  private void assertOneOfEach(SlackCatcher slack, GreenMail smtp, long... orders) {
    for (long order : orders) {
      assertThat(ofOrder("Opportunity", order)).as("Opportunity of " + order).hasSize(1);
      assertThat(slack.messagesAbout("#" + order + ":")).as("Slack, " + order).hasSize(1);
      assertThat(mailsAbout(smtp, order)).as("e-mail, " + order).isEqualTo(1);
    }
  }

  private static long bigOrder(
      SimulatedStore store, long lamp, String email, String first, String last) {
    // 600.00: above the 500.00 threshold
    return OrderDrafts.newCustomerOrder(store, email, first, last, 11, lamp, 15);
  }

  private static long mailsAbout(GreenMail smtp, long order) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getSubject().startsWith("High-value order #" + order + ":");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .count();
  }

  private Map<String, String> properties(SlackCatcher slack, ServerSetup smtp) throws Exception {
    Path rules = workDir.resolve("store-rules.yml");
    Files.writeString(
        rules,
        """
        rules:
          big_orders:
            enabled: true
            trigger: { total_at_least: 500.00 }
            actions:
              - high_value_opportunity: {}
              - notify_slack: {}
              - notify_email: { to: [sales@example.com] }
        """);
    Map<String, String> properties = properties();
    properties.put("bcsync.bigcommerce.stores." + STORE + ".sync-mapping", rules.toString());
    properties.put("bcsync.notices.stores." + STORE + ".slack-webhook-url", slack.url());
    properties.put("bcsync.notices.smtp.host", "127.0.0.1");
    properties.put("bcsync.notices.smtp.port", String.valueOf(smtp.getPort()));
    properties.put("bcsync.notices.smtp.tls", "none");
    properties.put("bcsync.notices.smtp.from", "bcsync@example.com");
    properties.put("bcsync.notices.smtp.timeout", "2s");
    properties.put("bcsync.notices.salesforce-url", "https://acme.my.salesforce.com");
    // Order B's notices fail while the first process lives: enough attempts that they are still
    // pending, not dead-lettered, when it is killed.
    properties.put("bcsync.pipeline.max-attempts", "1000");
    return properties;
  }
}
