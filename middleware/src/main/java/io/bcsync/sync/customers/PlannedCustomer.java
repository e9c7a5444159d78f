package io.bcsync.sync.customers;

import io.bcsync.sync.port.RecordWrite;
import java.util.List;

/**
 * A customer with the Salesforce writes planned for it.
 *
 * @param contactId the Contact it is already known to be (linked or matched), else null until
 *     written
 * @param accountId its Contact's Account when already known, else null until written
 * @param leadId the Lead it is linked or matched to, else null until written
 * @param writes in write order (parents first): Account, Contact, Lead
 * @param sharedCompanyWrite the company Account write another customer of the batch carries for it
 *     (Salesforce refuses one upsert call naming the same external id twice), or null
 */
public record PlannedCustomer(
    DecidedCustomer decided,
    String contactId,
    String accountId,
    String leadId,
    List<RecordWrite> writes,
    RecordWrite sharedCompanyWrite) {

  public PlannedCustomer {
    writes = List.copyOf(writes);
  }

  public BatchCustomer customer() {
    return decided.customer();
  }

  /** The same customer with these writes instead (its figures added). */
  PlannedCustomer withWrites(List<RecordWrite> replaced) {
    return new PlannedCustomer(decided, contactId, accountId, leadId, replaced, sharedCompanyWrite);
  }

  PlannedCustomer sharing(RecordWrite companyWrite, List<RecordWrite> remainingWrites) {
    return new PlannedCustomer(
        decided, contactId, accountId, leadId, remainingWrites, companyWrite);
  }
}
