package io.bcsync.sync.customers;

import io.bcsync.sync.matching.MatchDecision;
import java.util.Locale;

/**
 * A customer of the batch with what is to be done with it.
 *
 * @param decision how the customer was matched in this batch; null when the identity map already
 *     linked it (nothing to decide)
 * @param decidedByReview a person resolved the customer's review by choosing "create"
 * @param convertedAccountId the Account a lead conversion just created, or null
 */
public record DecidedCustomer(
    BatchCustomer customer,
    MatchDecision decision,
    boolean decidedByReview,
    String convertedAccountId) {

  public static DecidedCustomer linked(BatchCustomer customer) {
    return new DecidedCustomer(customer, null, false, null);
  }

  /** What the identity map records as the reason for the link (null: nothing decided now). */
  public String matchReason() {
    if (decision == null) {
      return null;
    }
    if (decision instanceof MatchDecision.Create) {
      return decidedByReview ? "review" : "created";
    }
    return decision.matchedBy().map(rule -> rule.name().toLowerCase(Locale.ROOT)).orElse(null);
  }
}
