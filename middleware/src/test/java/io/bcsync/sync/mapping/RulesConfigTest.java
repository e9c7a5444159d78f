package io.bcsync.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.sync.rules.CampaignTarget;
import io.bcsync.sync.rules.Condition;
import io.bcsync.sync.rules.NoticeChannels;
import io.bcsync.sync.rules.OrderRule;
import io.bcsync.sync.rules.RuleAction;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code rules:} section: shipped defaults, store overlays and startup errors. */
class RulesConfigTest {
  private final SyncConfigLoader loader = new SyncConfigLoader(Fixtures.packageSchema());
  @TempDir Path dir;

  /** A service with neither a Slack webhook URL nor an SMTP server, as most stores start. */
  private static final NoticeChannels NO_CHANNELS =
      new NoticeChannels("no Slack webhook URL", "no SMTP server");

  @Test
  void the_shipped_rules_validate_and_are_all_off() {
    assertThat(loader.loadDefaults().rules().enabled()).isEmpty();
    // The shipped high-value rule names Slack and e-mail; switched off it needs neither channel.
    assertThat(loader.load(Optional.empty(), NO_CHANNELS).rules().enabled()).isEmpty();
  }

  @Test
  void the_shipped_high_value_rule_switches_on_with_one_key_once_its_channels_exist() {
    Path store =
        Fixtures.write(
            dir,
            "store-high-value.yml",
            """
        rules:
          high_value_opportunity_notice:
            enabled: true
        """);

    List<OrderRule> rules =
        loader.load(Optional.of(store), NoticeChannels.UNCHECKED).rules().enabled();

    assertThat(rules).extracting(OrderRule::name).containsExactly("high_value_opportunity_notice");
    assertThat(rules.get(0).trigger())
        .isEqualTo(new Condition.TotalAtLeast(new BigDecimal("1000.00")));
    assertThat(rules.get(0).actions())
        .containsExactly(
            new RuleAction.HighValueOpportunity(),
            new RuleAction.NotifySlack(),
            new RuleAction.NotifyEmail(List.of("sales@example.com")));
    // Switched on without the channels, the service refuses to start rather than dead-letter later.
    assertThatThrownBy(() -> loader.load(Optional.of(store), NO_CHANNELS))
        .isInstanceOf(InvalidMappingException.class)
        .hasMessageContaining(
            "rules.high_value_opportunity_notice: notify_slack: no Slack webhook URL")
        .hasMessageContaining("rules.high_value_opportunity_notice: notify_email: no SMTP server");
  }

  @Test
  void a_store_switches_a_shipped_rule_on_with_one_key_and_adds_its_own() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        rules:
          first_order_campaign:
            enabled: true
          big_spring_orders:
            enabled: true
            trigger: { total_at_least: 250.50 }
            when:
              coupon_present: [SPRING10]
              repeat_order: { nth: 3 }
            actions:
              - enrol_in_campaign:
                  campaign: { name: Spring VIPs }
                  member_status: Responded
        """);

    List<OrderRule> rules = loader.load(store).rules().enabled();

    assertThat(rules)
        .extracting(OrderRule::name)
        .containsExactly("first_order_campaign", "big_spring_orders");
    assertThat(rules.get(0).trigger()).isEqualTo(new Condition.FirstOrder());
    assertThat(rules.get(0).actions())
        .containsExactly(
            new RuleAction.EnrolInCampaign(
                new CampaignTarget(
                    CampaignTarget.Kind.KEY, "first-order", "BigCommerce first-time buyers", true),
                "Sent"));
    OrderRule spring = rules.get(1);
    assertThat(spring.trigger()).isEqualTo(new Condition.TotalAtLeast(new BigDecimal("250.50")));
    assertThat(spring.when())
        .containsExactly(
            new Condition.CouponPresent(Set.of("spring10")), new Condition.RepeatOrder(3));
    assertThat(spring.actions())
        .containsExactly(
            new RuleAction.EnrolInCampaign(
                new CampaignTarget(CampaignTarget.Kind.NAME, "Spring VIPs", null, false),
                "Responded"));
  }

  @Test
  void bad_rules_stop_startup_naming_file_line_and_rule() {
    Path store =
        Fixtures.write(
            dir,
            "store-rules.yml",
            """
        rules:
          typo_trigger:
            trigger: frist_order
            actions:
              - enrol_in_campaign: { campaign: { name: A } }
          bad_threshold:
            enabled: true
            trigger: { total_at_least: -5 }
            actions:
              - enrol_in_campaign: { campaign: { name: A } }
          bad_action:
            trigger: first_order
            actions:
              - enroll: { campaign: { name: A } }
          fine_alongside:
            trigger: items_returned
            actions:
              - notify_slack: {}
          bad_field:
            trigger: coupon_present
            colour: red
            actions:
              - enrol_in_campaign: { campaign: { name: A, create_missing: true } }
          bad_nth:
            trigger: { repeat_order: { nth: 1 } }
            actions:
              - enrol_in_campaign: { campaign: { id: 12345 } }
        """);

    assertThatThrownBy(() -> loader.load(store))
        .isInstanceOf(InvalidMappingException.class)
        .hasMessageContaining(
            store + ":3: rules.typo_trigger: unknown trigger 'frist_order' (expected one of")
        .hasMessageContaining(
            store + ":8: rules.bad_threshold: total_at_least needs an amount above 0")
        .hasMessageContaining(store + ":14: rules.bad_action: unknown action 'enroll'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("fine_alongside"))
        .hasMessageContaining(store + ":21: rules.bad_field: unknown key 'colour'")
        .hasMessageContaining(
            store
                + ":23: rules.bad_field.enrol_in_campaign.campaign: create_missing needs source_key")
        .hasMessageContaining(
            store + ":25: rules.bad_nth: repeat_order takes {nth: N} with N of 2 or more")
        .hasMessageContaining(
            store + ":27: rules.bad_nth.enrol_in_campaign.campaign: id needs a Campaign id");
  }

  @Test
  void refund_and_utm_triggers_are_read() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        rules:
          refunds:
            enabled: true
            trigger: refund_created
            actions:
              - case: { reason: Refund }
          from_ads:
            enabled: true
            trigger: { utm_source_present: [Google, Instagram] }
            when:
              utm_source_present:
            actions:
              - enrol_in_campaign: { campaign: { name: Ads } }
        """);

    List<OrderRule> rules = loader.load(store).rules().enabled();

    assertThat(rules.get(0).trigger()).isEqualTo(new Condition.RefundCreated());
    assertThat(rules.get(1).trigger())
        .isEqualTo(new Condition.UtmSourcePresent(Set.of("google", "instagram")));
    assertThat(rules.get(1).when()).containsExactly(new Condition.UtmSourcePresent(Set.of()));
  }

  @Test
  void a_threshold_without_an_amount_is_reported_at_its_own_line() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        rules:
          big:
            trigger: total_at_least
            actions:
              - enrol_in_campaign: { campaign: { name: Big } }
        """);

    assertThatThrownBy(() -> loader.load(store))
        .isInstanceOf(InvalidMappingException.class)
        .hasMessageContaining(store + ":3: rules.big: total_at_least needs an amount above 0");
  }

  @Test
  void a_source_key_campaign_needs_the_package_field_in_the_schema() {
    SyncConfigLoader withoutPackage = new SyncConfigLoader(new StandardFieldsSchema());
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        rules:
          coupon_campaign:
            enabled: true
        """);

    assertThatThrownBy(() -> withoutPackage.load(store))
        .isInstanceOf(InvalidMappingException.class)
        .hasMessageContaining(
            "rules.coupon_campaign.enrol_in_campaign: Campaign.BC_Source_Key__c is not in the Salesforce schema");
  }

  @Test
  void a_case_rule_reads_statuses_by_name_or_id_and_the_case_options() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        rules:
          problem_orders:
            enabled: true
            trigger: { status_in: [Refunded, partially refunded, 5, Declined, Disputed] }
            actions:
              - case:
                  reason: Order Problem
                  queue: BC_Order_Problems
                  origin: Web
                  priority: High
                  type: Problem
          declined:
            enabled: true
            trigger: payment_failed
            actions:
              - case: { reason: Payment Declined }
        """);

    List<OrderRule> rules = loader.load(store).rules().enabled();

    assertThat(rules.get(0).trigger()).isEqualTo(new Condition.StatusIn(Set.of(4, 14, 5, 6, 13)));
    assertThat(rules.get(0).actions())
        .containsExactly(
            new RuleAction.OpenCase(
                "Order Problem", "BC_Order_Problems", "Web", "High", "Problem"));
    assertThat(rules.get(1).trigger()).isEqualTo(new Condition.PaymentFailed());
    assertThat(rules.get(1).actions())
        .containsExactly(new RuleAction.OpenCase("Payment Declined", null, null, null, null));
  }

  @Test
  void bad_case_rules_stop_startup_naming_file_line_and_rule() {
    Path store =
        Fixtures.write(
            dir,
            "store-cases.yml",
            """
        rules:
          no_reason:
            trigger: payment_failed
            actions:
              - case: { queue: BC_Order_Problems }
          bad_queue:
            trigger: { status_in: [Declined] }
            actions:
              - case: { reason: Payment Declined, queue: "Order Problems!" }
          bad_status:
            trigger: { status_in: [Declined, Lost] }
            actions:
              - case: { reason: X, colour: red }
        """);

    assertThatThrownBy(() -> loader.load(store))
        .isInstanceOf(InvalidMappingException.class)
        .hasMessageContaining(store + ":5: rules.no_reason.case: needs reason:")
        .hasMessageContaining(store + ":9: rules.bad_queue.case: queue is a Queue's DeveloperName")
        .hasMessageContaining(
            store + ":11: rules.bad_status.status_in: unknown order status 'Lost'")
        .hasMessageContaining(store + ":13: rules.bad_status.case: unknown option 'colour'");
  }
}
