package io.bcsync.sync.rules;

/**
 * What a rule does when it fires: campaign enrolment, Cases, the high-value Opportunity and the
 * Slack and e-mail notices (docs/order-rules.md).
 */
public interface RuleAction {

  /** Adds the order's person to a Campaign with {@code memberStatus}. */
  record EnrolInCampaign(CampaignTarget campaign, String memberStatus) implements RuleAction {}

  /**
   * Opens (or updates) the order's Case for {@code reason}: one per order and reason, upserted by
   * {@code BC_Case_Key__c}.
   *
   * @param queue the owning Queue's DeveloperName; null leaves the owner to Salesforce (the
   *     integration user, or the org's assignment rules)
   * @param origin Case.Origin, null for none; {@code priority} and {@code type} likewise
   */
  record OpenCase(String reason, String queue, String origin, String priority, String type)
      implements RuleAction {}

  /**
   * Makes sure the order has an Opportunity, also when the store's orders are written as Order or
   * BC_Order__c: upserted by {@code Opportunity.BC_Order_Id__c}, mapped with the store's {@code
   * Opportunity} mapping (the same key and fields the Opportunity target writes, so there is never
   * a second one). For the Opportunity target the order's own record is that Opportunity.
   */
  record HighValueOpportunity() implements RuleAction {}

  /** Posts a notice to the store's Slack incoming webhook (the URL is the store's secret). */
  record NotifySlack() implements RuleAction {}

  /** Sends a notice by e-mail (SMTP from {@code bcsync.notices.smtp}) to {@code to}. */
  record NotifyEmail(java.util.List<String> to) implements RuleAction {
    public NotifyEmail {
      to = java.util.List.copyOf(to);
    }
  }
}
