package io.bcsync.sync.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.bcsync.config.SmtpConfig;
import io.bcsync.config.StoreNoticeConfig;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.port.Notice;
import io.bcsync.sync.port.Notifier;
import io.bcsync.testsupport.ports.RecordingNotifier;
import io.bcsync.testsupport.ports.WorkItems;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link NoticeFlow} over the in-process {@link RecordingNotifier}; and secrets stay masked. */
class NoticeFlowTest {
  private static final String STORE = "s1";

  private final NoticeRows rows = mock(NoticeRows.class);
  private final RecordingNotifier slack = new RecordingNotifier(Notice.Channel.SLACK);
  private final NoticeFlow flow = new NoticeFlow(rows, List.of(slack), Clock.systemUTC());

  private static Notice notice(String key) {
    return new Notice(
        STORE,
        key,
        Notice.Channel.SLACK,
        List.of(),
        "big_orders",
        7,
        "600.00",
        "USD",
        "Bea <bea@example.com>",
        List.of("LAMP-1 x 15 @ 40.00 Lamp"),
        "Opportunity",
        "https://acme.my.salesforce.com/006000000000001",
        "https://store-s1.mybigcommerce.com/manage/orders/7");
  }

  private static WorkItem item(long id, String key) {
    return WorkItems.withScopes(
        id, new EntityRef(STORE, RuleFirings.NOTICE_TYPE, key), "bcsync/rule/notice");
  }

  @Test
  void sends_a_recorded_notice_once_and_marks_it_sent() {
    when(rows.find(eq(STORE), anyCollection()))
        .thenReturn(
            Map.of("7:slack:big_orders", new NoticeRows.Row(notice("7:slack:big_orders"), null)));

    Map<Long, Outcome> outcomes = flow.run(List.of(item(1, "7:slack:big_orders")));

    assertThat(outcomes).containsEntry(1L, Outcome.SUCCESS);
    assertThat(slack.sent()).extracting(Notice::key).containsExactly("7:slack:big_orders");
    verify(rows).markSent(eq(STORE), eq("7:slack:big_orders"), anyLong());
  }

  @Test
  void a_notice_sent_before_is_skipped_without_a_send() {
    when(rows.find(eq(STORE), anyCollection()))
        .thenReturn(
            Map.of("7:slack:big_orders", new NoticeRows.Row(notice("7:slack:big_orders"), 5L)));

    Map<Long, Outcome> outcomes = flow.run(List.of(item(1, "7:slack:big_orders")));

    assertThat(outcomes.get(1L)).isInstanceOf(Outcome.Skipped.class);
    assertThat(slack.sent()).isEmpty();
  }

  @Test
  void channel_failures_retry_or_dead_letter_and_leave_the_notice_unsent() {
    when(rows.find(eq(STORE), anyCollection()))
        .thenReturn(
            Map.of(
                "7:slack:a", new NoticeRows.Row(notice("7:slack:a"), null),
                "7:slack:b", new NoticeRows.Row(notice("7:slack:b"), null)));
    slack
        .thenAnswer(Notifier.Delivery.retry("Slack answered 500 rollup_error"))
        .thenAnswer(Notifier.Delivery.permanent("Slack answered 404 no_service"));

    Map<Long, Outcome> outcomes = flow.run(List.of(item(1, "7:slack:a"), item(2, "7:slack:b")));

    assertThat(outcomes)
        .containsEntry(1L, Outcome.retry("slack notice 7:slack:a: Slack answered 500 rollup_error"))
        .containsEntry(
            2L, Outcome.permanent("slack notice 7:slack:b: Slack answered 404 no_service"));
    verify(rows, never()).markSent(eq(STORE), eq("7:slack:a"), anyLong());
  }

  @Test
  void the_webhook_url_and_the_smtp_password_are_masked() {
    String url = "https://hooks.slack.com/services/T0/B0/secret-part";
    assertThat(new StoreNoticeConfig(STORE, url).toString())
        .doesNotContain("secret-part")
        .contains("****");
    SmtpConfig smtp =
        new SmtpConfig(
            "smtp.example.com",
            587,
            "starttls",
            "bcsync",
            "hunter2-password",
            "bcsync@example.com",
            Duration.ofSeconds(5));
    assertThat(smtp.toString()).doesNotContain("hunter2-password").contains("****");
  }
}
