package io.bcsync.sync.mapping;

import io.bcsync.sync.mapping.MappingDocument.RuleEntry;
import io.bcsync.sync.mapping.MappingDocument.RuleKey;
import io.bcsync.sync.rules.CampaignTarget;
import io.bcsync.sync.rules.Condition;
import io.bcsync.sync.rules.NoticeChannels;
import io.bcsync.sync.rules.OrderRule;
import io.bcsync.sync.rules.OrderRules;
import io.bcsync.sync.rules.RuleAction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Turns the merged {@code rules:} section into the store's enabled {@link OrderRules}, checking
 * every rule (enabled or not, so a shipped rule cannot hide a mistake until the day it is switched
 * on) against the vocabulary and the Salesforce schema. Problems name file, line and rule.
 */
final class RulesReader {
  static final Set<String> RULE_KEYS = Set.of("enabled", "trigger", "when", "actions");
  static final Set<String> CONDITIONS =
      Set.of(
          "first_order",
          "repeat_order",
          "total_at_least",
          "coupon_present",
          "status_in",
          "payment_failed",
          "items_returned",
          "fulfilment_delayed",
          "refund_created",
          "utm_source_present");

  static final Set<String> ACTIONS =
      Set.of("enrol_in_campaign", "case", "high_value_opportunity", "notify_slack", "notify_email");
  private static final Set<String> ENROL_KEYS = Set.of("campaign", "member_status");
  private static final Set<String> CAMPAIGN_KEYS =
      Set.of("id", "name", "source_key", "create_missing");

  private final SalesforceSchema schema;
  private final List<MappingProblem> problems;
  private final NoticeChannels channels;

  RulesReader(SalesforceSchema schema, List<MappingProblem> problems) {
    this(schema, problems, NoticeChannels.UNCHECKED);
  }

  RulesReader(SalesforceSchema schema, List<MappingProblem> problems, NoticeChannels channels) {
    this.schema = schema;
    this.problems = problems;
    this.channels = channels;
  }

  OrderRules read(Map<String, RuleEntry> entries) {
    List<OrderRule> enabled = new ArrayList<>();
    for (RuleEntry entry : entries.values()) {
      OrderRule rule = read(entry);
      if (rule != null && enabled(entry)) {
        RuleKey actions = entry.keys().get("actions");
        // Only enabled rules need their channel: a shipped, switched-off rule must not demand one.
        NoticeRuleReader.requireChannels(nodes(actions), actions.node(), subject(entry), channels);
        enabled.add(rule);
      }
    }
    return new OrderRules(enabled);
  }

  private boolean enabled(RuleEntry entry) {
    RuleKey key = entry.keys().get("enabled");
    return key != null && nodes(key).bool(key.node(), subject(entry), false);
  }

  private OrderRule read(RuleEntry entry) {
    String subject = subject(entry);
    int before = problems.size();
    entry
        .keys()
        .forEach(
            (k, key) -> {
              if (!RULE_KEYS.contains(k)) {
                nodes(key)
                    .problem(
                        nodes(key).at(key.name()),
                        subject,
                        "unknown key '"
                            + k
                            + "' (expected "
                            + new java.util.TreeSet<>(RULE_KEYS)
                            + ")");
              }
            });
    if (!entry.name().matches("[A-Za-z0-9_-]{1,100}")) {
      // The name is part of each firing's durable key (sync_rule_firing): renaming a rule makes it
      // a new rule, which fires again for what the old name fired for.
      problems.add(
          new MappingProblem(
              entry.location(), subject, "a rule name is 1 to 100 letters, digits, _ or -"));
    }
    RuleKey trigger = entry.keys().get("trigger");
    RuleKey actions = entry.keys().get("actions");
    if (trigger == null) {
      problems.add(new MappingProblem(entry.location(), subject, "needs a trigger"));
    }
    if (actions == null) {
      problems.add(new MappingProblem(entry.location(), subject, "needs actions"));
    }
    if (trigger == null || actions == null) {
      return null;
    }
    Condition first = trigger(trigger, subject);
    List<Condition> when = new ArrayList<>();
    RuleKey whenKey = entry.keys().get("when");
    if (whenKey != null) {
      for (NodeTuple t : nodes(whenKey).entries(whenKey.node(), subject + ".when")) {
        Condition c =
            condition(whenKey, t.getKeyNode(), t.getValueNode(), t.getKeyNode(), subject + ".when");
        if (c != null) {
          when.add(c);
        }
      }
    }
    List<RuleAction> read = actions(actions, subject);
    if (problems.size() != before || first == null) {
      return null;
    }
    return new OrderRule(entry.name(), first, when, read, entry.location().toString());
  }

  /** {@code first_order}, or a one-key mapping {@code {total_at_least: 250}}. */
  private Condition trigger(RuleKey key, String subject) {
    Node node = key.node();
    if (node instanceof ScalarNode) {
      return condition(key, node, null, node, subject);
    }
    if (node instanceof MappingNode mapping && mapping.getValue().size() == 1) {
      NodeTuple t = mapping.getValue().get(0);
      return condition(key, t.getKeyNode(), t.getValueNode(), node, subject);
    }
    nodes(key)
        .problem(
            nodes(key).at(node),
            subject,
            "expected a trigger name or {name: argument}, e.g. first_order");
    return null;
  }

  private Condition condition(
      RuleKey key, Node nameNode, Node argumentNode, Node node, String subject) {
    YamlNodes nodes = nodes(key);
    String name = nodes.scalar(nameNode, subject);
    Node argument = argumentNode == null || YamlNodes.isNull(argumentNode) ? null : argumentNode;
    if (name == null) {
      return null;
    }
    switch (name) {
      case "first_order":
        noArgument(nodes, argument, name, subject);
        return new Condition.FirstOrder();
      case "repeat_order":
        {
          Integer nth = argument == null ? null : nth(nodes, argument, subject);
          return argument != null && nth == null ? null : new Condition.RepeatOrder(nth);
        }
      case "total_at_least":
        {
          BigDecimal threshold =
              threshold(nodes, argument, argument == null ? nameNode : argument, subject);
          return threshold == null ? null : new Condition.TotalAtLeast(threshold);
        }
      case "status_in":
        return CaseRuleReader.statusIn(nodes, argument, node, subject + ".status_in");
      case "payment_failed":
        noArgument(nodes, argument, name, subject);
        return new Condition.PaymentFailed();
      case "items_returned":
        noArgument(nodes, argument, name, subject);
        return new Condition.ItemsReturned();
      case "fulfilment_delayed":
        return CaseRuleReader.fulfilmentDelayed(
            nodes, argument, node, subject + ".fulfilment_delayed");
      case "refund_created":
        noArgument(nodes, argument, name, subject);
        return new Condition.RefundCreated();
      case "utm_source_present":
        {
          List<String> sources =
              argument == null
                  ? List.of()
                  : nodes.scalars(argument, subject + ".utm_source_present");
          return new Condition.UtmSourcePresent(new HashSet<>(sources));
        }
      case "coupon_present":
        {
          List<String> codes =
              argument == null ? List.of() : nodes.scalars(argument, subject + ".coupon_present");
          return new Condition.CouponPresent(new HashSet<>(codes));
        }
      default:
        nodes.problem(
            nodes.at(node),
            subject,
            "unknown trigger '"
                + name
                + "' (expected one of "
                + new java.util.TreeSet<>(CONDITIONS)
                + ")");
        return null;
    }
  }

  private static void noArgument(YamlNodes nodes, Node argument, String name, String subject) {
    if (argument != null) {
      nodes.problem(nodes.at(argument), subject, name + " takes no argument");
    }
  }

  /** {@code repeat_order: {nth: 2}}: the 2nd order or later; the first is first_order. */
  private static Integer nth(YamlNodes nodes, Node argument, String subject) {
    Map<String, Node> spec = nodes.keyed(argument, subject + ".repeat_order", Set.of("nth"));
    Integer nth = nodes.integer(spec.get("nth"), subject + ".repeat_order");
    if (nth == null || nth < 2) {
      nodes.problem(
          nodes.at(argument),
          subject,
          "repeat_order takes {nth: N} with N of 2 or more (the first order is first_order)");
      return null;
    }
    return nth;
  }

  private static BigDecimal threshold(YamlNodes nodes, Node argument, Node at, String subject) {
    String value = argument == null ? null : nodes.scalar(argument, subject);
    try {
      BigDecimal threshold = value == null ? null : new BigDecimal(value.trim());
      if (threshold != null && threshold.signum() > 0) {
        return threshold;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    nodes.problem(
        nodes.at(at),
        subject,
        "total_at_least needs an amount above 0 in the store's currency, e.g. 250.00; got '"
            + value
            + "'");
    return null;
  }

  private List<RuleAction> actions(RuleKey key, String subject) {
    YamlNodes nodes = nodes(key);
    List<RuleAction> actions = new ArrayList<>();
    if (!(key.node() instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
      nodes.problem(nodes.at(key.node()), subject, "actions needs a list of one or more actions");
      return actions;
    }
    for (Node item : sequence.getValue()) {
      List<NodeTuple> entries = nodes.entries(item, subject + ".actions");
      if (entries.size() != 1) {
        nodes.problem(
            nodes.at(item), subject, "an action is {name: options}, e.g. enrol_in_campaign");
        continue;
      }
      String name = nodes.scalar(entries.get(0).getKeyNode(), subject);
      Node options = entries.get(0).getValueNode();
      if (name == null) {
        continue;
      }
      if (!ACTIONS.contains(name)) {
        nodes.problem(
            nodes.at(item),
            subject,
            "unknown action '"
                + name
                + "' (expected one of "
                + new java.util.TreeSet<>(ACTIONS)
                + ")");
      } else {
        RuleAction action =
            "case".equals(name)
                ? new CaseRuleReader(schema).openCase(nodes, options, subject + ".case")
                : NoticeRuleReader.ACTIONS.contains(name)
                    ? new NoticeRuleReader(schema)
                        .action(nodes, name, options, item, subject + "." + name)
                    : enrolment(nodes, options, subject + ".enrol_in_campaign");
        if (action != null) {
          actions.add(action);
        }
      }
    }
    return actions;
  }

  private RuleAction enrolment(YamlNodes nodes, Node options, String subject) {
    Map<String, Node> spec = nodes.keyed(options, subject, ENROL_KEYS);
    if (!spec.containsKey("campaign")) {
      nodes.problem(nodes.at(options), subject, "needs campaign: {id|name|source_key: ...}");
      return null;
    }
    String status = nodes.optionalScalar(spec, "member_status", subject);
    CampaignTarget target = campaign(nodes, spec.get("campaign"), subject + ".campaign");
    requireObject(nodes, options, subject, "Campaign", "Name");
    requireObject(nodes, options, subject, "CampaignMember", "CampaignId");
    if (target != null && target.bySourceKey()) {
      requireObject(nodes, options, subject, "Campaign", "BC_Source_Key__c");
    }
    // Salesforce's default status of a new Campaign; CampaignMemberStatus values are per Campaign
    // data, not schema, so a status the Campaign lacks is refused per record at run time.
    return target == null
        ? null
        : new RuleAction.EnrolInCampaign(target, status == null ? "Sent" : status);
  }

  private static CampaignTarget campaign(YamlNodes nodes, Node node, String subject) {
    Map<String, Node> spec = nodes.keyed(node, subject, CAMPAIGN_KEYS);
    List<String> given =
        spec.keySet().stream().filter(k -> List.of("id", "source_key").contains(k)).toList();
    boolean create = nodes.bool(spec.get("create_missing"), subject, false);
    String name = nodes.optionalScalar(spec, "name", subject);
    if (given.size() > 1 || (given.isEmpty() && name == null)) {
      nodes.problem(nodes.at(node), subject, "needs exactly one of id, name, source_key");
      return null;
    }
    if (spec.containsKey("id")) {
      String id = nodes.scalar(spec.get("id"), subject);
      if (id == null || !id.matches("701[0-9A-Za-z]{12}([0-9A-Za-z]{3})?") || name != null) {
        nodes.problem(
            nodes.at(spec.get("id")),
            subject,
            "id needs a Campaign id (15 or 18 characters starting 701), alone");
        return null;
      }
      return new CampaignTarget(CampaignTarget.Kind.ID, id, null, false);
    }
    if (!spec.containsKey("source_key")) {
      if (create) {
        nodes.problem(
            nodes.at(spec.get("create_missing")),
            subject,
            "create_missing needs source_key (a Campaign Name is not unique, so creating by name"
                + " could create two)");
        return null;
      }
      return new CampaignTarget(CampaignTarget.Kind.NAME, name, null, false);
    }
    String key = nodes.scalar(spec.get("source_key"), subject);
    if (key == null || key.isBlank() || key.contains(":")) {
      nodes.problem(
          nodes.at(spec.get("source_key")),
          subject,
          "source_key is 'coupon', 'utm' or a key of letters, digits and dashes (no ':')");
      return null;
    }
    if ("coupon".equals(key)) {
      return new CampaignTarget(CampaignTarget.Kind.COUPON, null, null, create);
    }
    if ("utm".equals(key)) {
      return new CampaignTarget(CampaignTarget.Kind.UTM, null, null, create);
    }
    if (create && name == null) {
      nodes.problem(
          nodes.at(node),
          subject,
          "create_missing with a fixed source_key needs the name to give it");
      return null;
    }
    return new CampaignTarget(CampaignTarget.Kind.KEY, key, name, create);
  }

  private void requireObject(
      YamlNodes nodes, Node at, String subject, String object, String field) {
    boolean present = schema.object(object).flatMap(o -> o.field(field)).isPresent();
    if (!present) {
      nodes.problem(
          nodes.at(at), subject, object + "." + field + " is not in the Salesforce schema");
    }
  }

  private YamlNodes nodes(RuleKey key) {
    return new YamlNodes(key.file(), problems);
  }

  private static String subject(RuleEntry entry) {
    return "rules." + entry.name();
  }
}
