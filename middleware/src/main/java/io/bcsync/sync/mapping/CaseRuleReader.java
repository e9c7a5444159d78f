package io.bcsync.sync.mapping;

import io.bcsync.sync.rules.Condition;
import io.bcsync.sync.rules.OrderStatuses;
import io.bcsync.sync.rules.RuleAction;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The parts of the {@code rules:} section that serve Cases: the {@code status_in} and {@code
 * fulfilment_delayed} triggers and the {@code case} action (docs/order-rules.md). Kept apart from
 * {@link RulesReader} so each stays readable; problems go to the same list, with file and line.
 */
final class CaseRuleReader {
  private static final Set<String> CASE_KEYS =
      Set.of("reason", "queue", "origin", "priority", "type");

  private final SalesforceSchema schema;

  CaseRuleReader(SalesforceSchema schema) {
    this.schema = schema;
  }

  /** {@code status_in: [Declined, Cancelled, 13]}: statuses by id or default name. */
  static Condition statusIn(YamlNodes nodes, Node argument, Node at, String subject) {
    List<String> given = argument == null ? List.of() : nodes.scalars(argument, subject);
    Set<Integer> ids = new LinkedHashSet<>();
    for (String s : given) {
      Integer id = OrderStatuses.id(s);
      if (id == null) {
        nodes.problem(
            nodes.at(argument),
            subject,
            "unknown order status '"
                + s
                + "' (a status id 0 to 14 or one of "
                + OrderStatuses.names()
                + ")");
        return null;
      }
      ids.add(id);
    }
    if (ids.isEmpty()) {
      nodes.problem(
          nodes.at(argument == null ? at : argument),
          subject,
          "status_in needs a list of order statuses, e.g. [Declined, Refunded]");
      return null;
    }
    return new Condition.StatusIn(ids);
  }

  /**
   * {@code fulfilment_delayed: {hours: 48}}: an order still Awaiting Fulfillment/Shipment that many
   * whole hours (1 to 8760) after it was placed.
   */
  static Condition fulfilmentDelayed(YamlNodes nodes, Node argument, Node at, String subject) {
    Integer hours = null;
    if (argument != null) {
      Map<String, Node> spec = nodes.keyed(argument, subject, Set.of("hours"));
      hours = spec.containsKey("hours") ? nodes.integer(spec.get("hours"), subject) : null;
    }
    if (hours == null || hours < 1 || hours > 8760) {
      nodes.problem(
          nodes.at(argument == null ? at : argument),
          subject,
          "fulfilment_delayed needs {hours: N}, N whole hours from 1 to 8760 after the order was"
              + " placed, e.g. {hours: 48}");
      return null;
    }
    return new Condition.FulfilmentDelayed(java.time.Duration.ofHours(hours));
  }

  /** {@code case: {reason: ..., queue: ..., origin: ..., priority: ..., type: ...}}. */
  RuleAction openCase(YamlNodes nodes, Node options, String subject) {
    Map<String, Node> spec = nodes.keyed(options, subject, CASE_KEYS);
    String reason = nodes.optionalScalar(spec, "reason", subject);
    String queue = nodes.optionalScalar(spec, "queue", subject);
    boolean ok = true;
    if (reason == null || reason.isBlank() || reason.length() > 100) {
      // Part of BC_Case_Key__c ({store}:{order}:{reason}, 255 characters) and BC_Reason__c.
      nodes.problem(
          nodes.at(options), subject, "needs reason: (1 to 100 characters), e.g. Payment Declined");
      ok = false;
    }
    // Only the name's shape here: Queues are org data, resolved (and cached) at the first Case.
    if (queue != null && !queue.matches("[A-Za-z][A-Za-z0-9_]{0,79}")) {
      nodes.problem(
          nodes.at(spec.get("queue")),
          subject,
          "queue is a Queue's DeveloperName (letters, digits and _), e.g. BC_Order_Problems");
      ok = false;
    }
    for (String field : List.of("BC_Case_Key__c", "BC_Reason__c", "Subject", "Description")) {
      if (schema.object("Case").flatMap(o -> o.field(field)).isEmpty()) {
        nodes.problem(
            nodes.at(options), subject, "Case." + field + " is not in the Salesforce schema");
        ok = false;
      }
    }
    return ok
        ? new RuleAction.OpenCase(
            reason.trim(),
            queue,
            nodes.optionalScalar(spec, "origin", subject),
            nodes.optionalScalar(spec, "priority", subject),
            nodes.optionalScalar(spec, "type", subject))
        : null;
  }
}
