package io.bcsync.sync.rules;

/**
 * One membership to make: a person into a Campaign.
 *
 * @param campaign which Campaign
 * @param sourceKey for source-key targets, the full {@code BC_Source_Key__c} (store-qualified);
 *     null otherwise
 * @param contactId the order's Contact (the sync writes every buyer as a Contact; a Lead target is
 *     for the later customer-level triggers)
 */
public record Enrolment(
    CampaignTarget campaign, String sourceKey, String contactId, String memberStatus) {

  /** What the Campaign is looked up and cached by. */
  String campaignKey() {
    switch (campaign.kind()) {
      case ID:
        return "id:" + campaign.value();
      case NAME:
        return "name:" + campaign.value();
      default:
        return "key:" + sourceKey;
    }
  }
}
