package io.bcsync.sync.rules;

/**
 * What a rule does when it fires. Only campaign enrolment exists in this slice; Cases, high-value
 * Opportunities and notices are further implementations (docs/order-rules.md).
 */
public interface RuleAction {

  /** Adds the order's person to a Campaign with {@code memberStatus}. */
  record EnrolInCampaign(CampaignTarget campaign, String memberStatus) implements RuleAction {}
}
