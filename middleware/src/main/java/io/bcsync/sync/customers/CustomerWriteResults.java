package io.bcsync.sync.customers;

import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.matching.ExternalIds;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.WriteReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what Salesforce answered for the planned customers: the identity rows to save, the link of
 * every customer whose orders can now be written, and the outcome of each customer item (orders
 * only get one here when their customer failed or ended without a Contact and Account).
 */
final class CustomerWriteResults {
  private CustomerWriteResults() {}

  /**
   * @param known identity rows of customers linked before this batch (updated)
   * @param fresh identity rows of customers linked now (inserted)
   */
  record Collected(
      List<Identity> known,
      List<Identity> fresh,
      Map<String, CustomerLink> links,
      Map<Long, Outcome> outcomes) {}

  /** Where a customer stands after its writes: the ids Salesforce gave it, or why it failed. */
  private record Written(String contactId, String accountId, String leadId, Outcome failure) {}

  static Collected collect(String storeHash, List<PlannedCustomer> planned, WriteReport report) {
    Map<RecordWrite, RecordResult> results = new IdentityHashMap<>();
    report.results().forEach(r -> results.put(r.write(), r));
    List<Identity> known = new ArrayList<>();
    List<Identity> fresh = new ArrayList<>();
    Map<String, CustomerLink> links = new HashMap<>();
    Map<Long, Outcome> outcomes = new HashMap<>();
    for (PlannedCustomer p : planned) {
      BatchCustomer c = p.customer();
      Written written = written(p, results, report);
      if (written.failure() != null) {
        outcomes.putAll(CustomerFailures.of(c, written.failure()));
        continue;
      }
      Long modified =
          c.ref().modifiedMs() != null
              ? c.ref().modifiedMs()
              : c.identity() == null ? null : c.identity().bcModifiedMs();
      String reason = p.decided().matchReason();
      List<Identity> rows = c.identity() != null ? known : fresh;
      if (written.contactId() != null) {
        rows.add(
            new Identity(
                storeHash,
                c.ref().bcType(),
                c.ref().bcId(),
                "Contact",
                written.contactId(),
                written.accountId(),
                null,
                modified,
                reason));
        if (written.accountId() != null) {
          links.put(
              c.key(),
              new CustomerLink(written.contactId(), written.accountId(), c.company(), c.key()));
        }
      } else if (written.leadId() != null) {
        rows.add(
            new Identity(
                storeHash,
                c.ref().bcType(),
                c.ref().bcId(),
                "Lead",
                written.leadId(),
                null,
                null,
                modified,
                reason));
      }
      Outcome orderOutcome =
          links.containsKey(c.key())
              ? null
              : Outcome.retry(
                  c.ref().label() + " has no Contact with an Account to write its orders to");
      for (CustomerNeed need : c.needs()) {
        if (!need.forOrder()) {
          outcomes.put(need.itemId(), Outcome.SUCCESS);
        } else if (orderOutcome != null) {
          outcomes.put(need.itemId(), orderOutcome);
        }
      }
    }
    return new Collected(known, fresh, links, outcomes);
  }

  private static Written written(
      PlannedCustomer p, Map<RecordWrite, RecordResult> results, WriteReport report) {
    String contactId = p.contactId();
    String accountId = p.accountId();
    String leadId = p.leadId();
    for (RecordWrite write : p.writes()) {
      RecordResult result = results.get(write);
      if (!result.success()) {
        Outcome failure =
            linkedConcurrently(result)
                ? Outcome.retry(
                    p.customer().ref().label()
                        + " was linked to another "
                        + write.sobjectType()
                        + " at the same time (its customer and order work items ran together);"
                        + " the retry writes through that link")
                : report.outcomes().get(p.customer().owner());
        return new Written(null, null, null, failure);
      }
      switch (write.sobjectType()) {
        case "Account" -> accountId = result.id();
        case "Contact" -> contactId = result.id();
        case "Lead" -> leadId = result.id();
        default ->
            throw new IllegalStateException("unexpected customer write " + write.sobjectType());
      }
    }
    if (p.sharedCompanyWrite() != null) {
      RecordResult shared = results.get(p.sharedCompanyWrite());
      if (!shared.success()) {
        return new Written(
            null,
            null,
            null,
            Outcome.retry("the company Account written with a colleague's record failed"));
      }
      accountId = shared.id();
    }
    return new Written(contactId, accountId, leadId, null);
  }

  /**
   * The customer's external id already sits on another record: a concurrent work item of the same
   * customer (its customer item and an order item run on different workers) linked it between this
   * batch's lookup and its write. Not bad data: the retry finds that link in the identity map and
   * updates the same record.
   */
  private static boolean linkedConcurrently(RecordResult result) {
    return result.errors().stream()
        .anyMatch(
            e ->
                "DUPLICATE_VALUE".equals(e.statusCode())
                    && e.fields().contains(ExternalIds.CUSTOMER_FIELD));
  }
}
