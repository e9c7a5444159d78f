package io.bcsync.sim.salesforce.data;

import java.util.List;

/** One LeadConvertResult, in request order. */
public record LeadConvertOutcome(
    String leadId,
    String accountId,
    String contactId,
    String opportunityId,
    boolean success,
    List<RecordError> errors) {

  static LeadConvertOutcome failed(String leadId, RecordError error) {
    return new LeadConvertOutcome(leadId, null, null, null, false, List.of(error));
  }
}
