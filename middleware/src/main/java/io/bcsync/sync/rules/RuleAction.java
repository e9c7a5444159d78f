package io.bcsync.sync.rules;

/**
 * What a rule does when it fires: campaign enrolment and Cases so far; high-value Opportunities and
 * notices are further implementations (docs/order-rules.md).
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
}
