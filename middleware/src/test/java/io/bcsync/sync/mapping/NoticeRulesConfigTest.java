package io.bcsync.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.sync.rules.NoticeChannels;
import io.bcsync.sync.rules.OrderRule;
import io.bcsync.sync.rules.RuleAction;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The high-value actions of the {@code rules:} section: {@code high_value_opportunity}, {@code
 * notify_slack}, {@code notify_email}, and the startup check of their channels.
 */
class NoticeRulesConfigTest {
  private static final NoticeChannels ALL = new NoticeChannels(null, null);
  private static final NoticeChannels NONE =
      new NoticeChannels(
          "store s1 has no Slack webhook URL: set bcsync.notices.stores.s1.slack-webhook-url",
          "no SMTP server: set bcsync.notices.smtp.host and .from");

  private final SyncConfigLoader loader = new SyncConfigLoader(Fixtures.packageSchema());
  @TempDir Path dir;

  private static final String HIGH_VALUE =
      """
      rules:
        big_orders:
          enabled: true
          trigger: { total_at_least: 500 }
          actions:
            - high_value_opportunity: {}
            - notify_slack: {}
            - notify_email: { to: [sales@example.com, " boss@example.org "] }
      """;

  @Test
  void a_high_value_rule_reads_its_three_actions() {
    Path store = Fixtures.write(dir, "store.yml", HIGH_VALUE);

    List<OrderRule> rules = loader.load(Optional.of(store), ALL).rules().enabled();

    assertThat(rules).singleElement().extracting(OrderRule::name).isEqualTo("big_orders");
    assertThat(rules.get(0).actions())
        .containsExactly(
            new RuleAction.HighValueOpportunity(),
            new RuleAction.NotifySlack(),
            new RuleAction.NotifyEmail(List.of("sales@example.com", "boss@example.org")));
  }

  @Test
  void an_enabled_notice_without_its_channel_stops_startup_naming_file_line_and_rule() {
    Path store = Fixtures.write(dir, "store.yml", HIGH_VALUE);

    assertThatThrownBy(() -> loader.load(Optional.of(store), NONE))
        .isInstanceOf(InvalidMappingException.class)
        .hasMessageContaining(
            store
                + ":7: rules.big_orders: notify_slack: store s1 has no Slack webhook URL: set"
                + " bcsync.notices.stores.s1.slack-webhook-url")
        .hasMessageContaining(
            store
                + ":8: rules.big_orders: notify_email: no SMTP server: set"
                + " bcsync.notices.smtp.host and .from");
  }

  @Test
  void a_switched_off_notice_rule_needs_no_channel() {
    Path store =
        Fixtures.write(dir, "store.yml", HIGH_VALUE.replace("enabled: true", "enabled: false"));

    assertThat(loader.load(Optional.of(store), NONE).rules().enabled()).isEmpty();
  }

  @Test
  void bad_recipients_and_options_stop_startup_naming_file_line_and_rule() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
            rules:
              bad_mail:
                trigger: { total_at_least: 500 }
                actions:
                  - notify_email: { to: ["Sales <sales@example.com>"] }
              no_recipients:
                trigger: { total_at_least: 500 }
                actions:
                  - notify_email: {}
              slack_url_in_file:
                trigger: { total_at_least: 500 }
                actions:
                  - notify_slack: { webhook_url: "https://hooks.slack.com/services/x" }
            """);

    assertThatThrownBy(() -> loader.load(Optional.of(store), ALL))
        .isInstanceOf(InvalidMappingException.class)
        .hasMessageContaining(
            store
                + ":5: rules.bad_mail.notify_email: 'Sales <sales@example.com>' is not an e-mail"
                + " address")
        .hasMessageContaining(
            store
                + ":9: rules.no_recipients.notify_email: needs to: [one or more e-mail addresses]")
        .hasMessageContaining(
            store + ":13: rules.slack_url_in_file.notify_slack: unknown option 'webhook_url'");
  }
}
