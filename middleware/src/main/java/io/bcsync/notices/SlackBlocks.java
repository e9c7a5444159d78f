package io.bcsync.notices;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sync.port.Notice;

/**
 * A notice as a Slack Block Kit message: a header, the amount and customer, the lines, and buttons
 * to the Salesforce record and the BigCommerce control panel; {@code text} is the fallback for
 * notifications. Slack's limits (docs.slack.dev, Block Kit reference) are kept by cutting: 150
 * characters of header text, 3,000 of section text, 2,000 per field. Text is mrkdwn-escaped ({@code
 * &}, {@code <}, {@code >}, Slack's "Formatting text" guide) so a customer's name cannot ping a
 * channel or forge a link.
 */
final class SlackBlocks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackBlocks() {}

  static String message(Notice notice) {
    ObjectNode root = JSON.createObjectNode();
    root.put("text", cut(escape(notice.title()), 3000));
    ArrayNode blocks = root.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    header
        .putObject("text")
        .put("type", "plain_text")
        .put("text", cut("High-value order #" + notice.orderId(), 150));
    ObjectNode facts = blocks.addObject().put("type", "section");
    ArrayNode fields = facts.putArray("fields");
    fields
        .addObject()
        .put("type", "mrkdwn")
        .put(
            "text",
            cut("*Amount*\n" + escape((notice.amount() + " " + notice.currency()).trim()), 2000));
    fields
        .addObject()
        .put("type", "mrkdwn")
        .put("text", cut("*Customer*\n" + escape(notice.customer()), 2000));
    StringBuilder lines = new StringBuilder("*Lines*");
    notice.lines().forEach(l -> lines.append("\n• ").append(escape(l)));
    blocks
        .addObject()
        .put("type", "section")
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", cut(lines.toString(), 3000));
    ArrayNode buttons = blocks.addObject().put("type", "actions").putArray("elements");
    if (notice.salesforceUrl() != null) {
      button(
          buttons, "Open " + notice.salesforceObject() + " in Salesforce", notice.salesforceUrl());
    }
    button(buttons, "Open in BigCommerce", notice.controlPanelUrl());
    blocks
        .addObject()
        .put("type", "context")
        .putArray("elements")
        .addObject()
        .put("type", "mrkdwn")
        .put("text", cut(escape("Rule " + notice.rule() + " · store " + notice.storeHash()), 3000));
    return root.toString();
  }

  private static void button(ArrayNode buttons, String label, String url) {
    ObjectNode button = buttons.addObject().put("type", "button").put("url", url);
    button.putObject("text").put("type", "plain_text").put("text", cut(label, 75));
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
