package io.bcsync.sync.mapping;

import io.bcsync.sync.rules.NoticeChannels;
import io.bcsync.sync.rules.RuleAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The parts of the {@code rules:} section that serve high-value orders: the {@code
 * high_value_opportunity}, {@code notify_slack} and {@code notify_email} actions
 * (docs/order-rules.md). Kept apart from {@link RulesReader} so each stays readable; problems go to
 * the same list, with file and line.
 */
final class NoticeRuleReader {
  static final Set<String> ACTIONS =
      Set.of("high_value_opportunity", "notify_slack", "notify_email");

  /**
   * One plain address, {@code local@domain.tld}: no display name, list or comment, which an SMTP
   * server could read differently from us. The adapter parses each strictly again before sending.
   */
  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  private final SalesforceSchema schema;

  NoticeRuleReader(SalesforceSchema schema) {
    this.schema = schema;
  }

  /** The action {@code name} (one of {@link #ACTIONS}), or null after reporting its problems. */
  RuleAction action(YamlNodes nodes, String name, Node options, Node item, String subject) {
    Node given = options == null || YamlNodes.isNull(options) ? null : options;
    switch (name) {
      case "high_value_opportunity":
        noOptions(nodes, given, subject);
        for (String field : List.of("BC_Order_Id__c", "Name", "StageName", "CloseDate")) {
          if (schema.object("Opportunity").flatMap(o -> o.field(field)).isEmpty()) {
            nodes.problem(
                nodes.at(item), subject, "Opportunity." + field + " is not in the schema");
            return null;
          }
        }
        return new RuleAction.HighValueOpportunity();
      case "notify_slack":
        // The webhook URL is a secret: it lives in the service's configuration, never in this file.
        noOptions(nodes, given, subject);
        return new RuleAction.NotifySlack();
      default:
        return email(nodes, given, item, subject);
    }
  }

  private static void noOptions(YamlNodes nodes, Node given, String subject) {
    if (given != null) {
      nodes.keyed(given, subject, Set.of());
    }
  }

  private static RuleAction email(YamlNodes nodes, Node given, Node at, String subject) {
    Map<String, Node> spec = given == null ? Map.of() : nodes.keyed(given, subject, Set.of("to"));
    Node to = spec.get("to");
    List<String> recipients = to == null ? List.of() : nodes.scalars(to, subject);
    if (recipients.isEmpty()) {
      nodes.problem(
          nodes.at(to == null ? at : to),
          subject,
          "needs to: [one or more e-mail addresses], e.g. [sales@example.com]");
      return null;
    }
    List<String> clean = new ArrayList<>();
    for (String address : recipients) {
      String trimmed = address == null ? "" : address.trim();
      if (!ADDRESS.matcher(trimmed).matches()) {
        nodes.problem(
            nodes.at(to),
            subject,
            "'" + address + "' is not an e-mail address (one plain address per entry)");
        return null;
      }
      clean.add(trimmed);
    }
    return new RuleAction.NotifyEmail(clean);
  }

  /**
   * An enabled rule's notices need their channel configured for the store; reported at each notice
   * action's own line.
   */
  static void requireChannels(
      YamlNodes nodes, Node actions, String subject, NoticeChannels channels) {
    if (!(actions instanceof SequenceNode sequence)) {
      return;
    }
    for (Node item : sequence.getValue()) {
      if (!(item instanceof MappingNode mapping) || mapping.getValue().size() != 1) {
        continue;
      }
      Node key = mapping.getValue().get(0).getKeyNode();
      String name = key instanceof ScalarNode scalar ? scalar.getValue() : "";
      if ("notify_slack".equals(name) && channels.slackMissing() != null) {
        nodes.problem(nodes.at(item), subject, "notify_slack: " + channels.slackMissing());
      }
      if ("notify_email".equals(name) && channels.emailMissing() != null) {
        nodes.problem(nodes.at(item), subject, "notify_email: " + channels.emailMissing());
      }
    }
  }
}
