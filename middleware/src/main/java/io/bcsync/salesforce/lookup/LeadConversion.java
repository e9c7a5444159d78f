package io.bcsync.salesforce.lookup;

import java.util.Objects;

/**
 * A Lead to convert. Without {@code accountId} and {@code contactId} Salesforce creates an Account
 * and a Contact from the Lead; with them the Lead is merged into those records (only their empty
 * fields are filled). A {@code contactId} needs the {@code accountId} of its Account.
 */
public record LeadConversion(String leadId, String accountId, String contactId) {
  public LeadConversion {
    Objects.requireNonNull(leadId, "leadId");
    if (contactId != null && accountId == null) {
      throw new IllegalArgumentException(
          "converting into a Contact needs the Contact's accountId too");
    }
  }

  public static LeadConversion intoNewRecords(String leadId) {
    return new LeadConversion(leadId, null, null);
  }
}
