package io.bcsync.sync.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sync.port.Notice;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the notices a firing owes ({@code notify_slack}, {@code notify_email}) from the order the
 * sync already read and the Salesforce record the order is in: no call. One notice per order, rule
 * and channel ({@link Notice#key()}), whatever the rule's trigger fires for.
 */
@Singleton
public class RuleNotices {
  /**
   * Where a notice's Salesforce link points: the org's My Domain URL ({@code /{id}} opens a
   * record).
   */
  public static final String SALESFORCE_URL = "bcsync.notices.salesforce-url";

  private static final int MAX_LINES = 20;

  private final String salesforceBase;

  public RuleNotices(Environment environment) {
    this(
        environment
            .getProperty(SALESFORCE_URL, String.class)
            .or(() -> environment.getProperty("bcsync.salesforce.login-url", String.class))
            .orElse("https://login.salesforce.com"));
  }

  RuleNotices(String salesforceBase) {
    this.salesforceBase =
        salesforceBase.endsWith("/")
            ? salesforceBase.substring(0, salesforceBase.length() - 1)
            : salesforceBase;
  }

  /** The notices of {@code rule} for this order; none when the rule has no notice action. */
  List<Notice> of(
      String storeHash, OrderRule rule, JsonNode order, String recordObject, String recordId) {
    List<Notice> out = new ArrayList<>();
    for (RuleAction action : rule.actions()) {
      if (action instanceof RuleAction.NotifySlack) {
        out.add(
            notice(
                storeHash, rule, order, Notice.Channel.SLACK, List.of(), recordObject, recordId));
      } else if (action instanceof RuleAction.NotifyEmail email) {
        out.add(
            notice(
                storeHash, rule, order, Notice.Channel.EMAIL, email.to(), recordObject, recordId));
      }
    }
    return out;
  }

  private Notice notice(
      String storeHash,
      OrderRule rule,
      JsonNode order,
      Notice.Channel channel,
      List<String> recipients,
      String recordObject,
      String recordId) {
    long orderId = order.path("id").asLong();
    JsonNode billing = order.path("billing_address");
    String name =
        (billing.path("first_name").asText("") + " " + billing.path("last_name").asText("")).trim();
    String email = billing.path("email").asText("");
    String customer = email.isBlank() ? name : (name + " <" + email + ">").trim();
    List<String> lines = new ArrayList<>();
    for (JsonNode line : order.path("products")) {
      if (lines.size() == MAX_LINES) {
        lines.add("... and " + (order.path("products").size() - MAX_LINES) + " more lines");
        break;
      }
      lines.add(
          (line.path("sku").asText("")
                  + " x "
                  + line.path("quantity").asText("")
                  + " @ "
                  + line.path("price_inc_tax").asText("")
                  + " "
                  + line.path("name").asText(""))
              .trim());
    }
    return new Notice(
        storeHash,
        orderId + ":" + channel.key() + ":" + rule.name(),
        channel,
        recipients,
        rule.name(),
        orderId,
        order.path("total_inc_tax").asText(""),
        order.path("currency_code").asText(""),
        customer.isBlank() ? "a guest" : customer,
        lines,
        recordId == null ? null : recordObject,
        recordId == null ? null : salesforceBase + "/" + recordId,
        CaseContext.orderUrl(storeHash, orderId));
  }
}
