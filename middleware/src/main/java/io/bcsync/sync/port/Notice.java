package io.bcsync.sync.port;

import java.util.List;

/**
 * One notice of an order rule, as a {@link Notifier} sends it: everything the message says, taken
 * from the order when the rule fired.
 *
 * @param key unique per store, order, rule and channel ({@code {order}:{channel}:{rule}}); an
 *     e-mail's Message-ID is made from it, so a resend after a crash is recognisably the same mail
 * @param recipients the e-mail addresses (empty for Slack)
 * @param amount the order total with tax, as BigCommerce gave it, in {@code currency}
 * @param customer the buyer's name and e-mail address as one line
 * @param lines one line per order product: {@code SKU x quantity @ price name}
 * @param salesforceUrl the Salesforce record (Opportunity, Order or BC_Order__c), or null when the
 *     order has none yet
 * @param controlPanelUrl the order in the BigCommerce control panel
 */
public record Notice(
    String storeHash,
    String key,
    Channel channel,
    List<String> recipients,
    String rule,
    long orderId,
    String amount,
    String currency,
    String customer,
    List<String> lines,
    String salesforceObject,
    String salesforceUrl,
    String controlPanelUrl) {

  /** Where a notice goes. */
  public enum Channel {
    SLACK,
    EMAIL;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Notice {
    recipients = List.copyOf(recipients);
    lines = List.copyOf(lines);
  }

  /** A one-line summary, e.g. {@code High-value order #120: 812.50 USD from Ada Lovelace}. */
  public String title() {
    return "High-value order #"
        + orderId
        + ": "
        + (amount + " " + currency).trim()
        + " from "
        + customer;
  }
}
