package io.bcsync.sim.salesforce.data;

/**
 * One element of {@code convertLead(LeadConvert[])} as the client sent it. {@code accountId}/{@code
 * contactId} merge the lead into existing records; without them new ones are created.
 */
public record LeadConvertRequest(
    String leadId,
    String convertedStatus,
    String accountId,
    String contactId,
    boolean doNotCreateOpportunity,
    String opportunityName,
    boolean overwriteLeadSource,
    String ownerId) {}
