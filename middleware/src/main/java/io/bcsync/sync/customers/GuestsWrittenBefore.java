package io.bcsync.sync.customers;

import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.matching.MatchDecision;
import io.bcsync.sync.matching.MatchRule;
import io.bcsync.sync.port.SalesforceRecords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A guest's Contact is created, not upserted: a guest has no id of its own to be a unique external
 * id. If the create went through but its answer was lost (or the worker stopped before linking it),
 * the next attempt must not create a second Contact. The guest's household Account is upserted by
 * its key ({@code BC_Account_Key__c} = {@code store:guest:hash}), so before creating guests'
 * Contacts their Contacts are looked up on those Accounts, one query per 100 guests; one found is
 * updated and linked instead.
 *
 * <p>Only where matching would not find it anyway: a guest decided "create" although the e-mail
 * rule is on had no Contact with its e-mail at the prefetch, so the lookup is skipped then, except
 * for a review resolved with "create", which skips matching. Guests of a B2B company share their
 * company's Account and are found by the e-mail rule only. Guests never become Leads (a guest is
 * known only through an order, and a buyer becomes a Contact). The link records the match as {@code
 * external_id}: the Contact was found by its Account's external id.
 */
final class GuestsWrittenBefore {
  private GuestsWrittenBefore() {}

  static List<DecidedCustomer> apply(
      SalesforceRecords salesforce,
      String storeHash,
      SyncConfigs.Loaded cfg,
      List<DecidedCustomer> decided) {
    boolean matchedByEmail = cfg.config().matching().rules().contains(MatchRule.EMAIL);
    Map<String, DecidedCustomer> toLookUp = new LinkedHashMap<>();
    for (DecidedCustomer d : decided) {
      BatchCustomer c = d.customer();
      if (c.ref().isGuest()
          && c.identity() == null
          && c.company() == null
          && d.decision() instanceof MatchDecision.Create
          && (d.decidedByReview() || !matchedByEmail)) {
        toLookUp.put(c.ref().accountKey(storeHash), d);
        if (c.ref().legacyBcId() != null) {
          // Written before guest keys had a secret: its household Account carries the legacy id.
          toLookUp.put(c.ref().asLegacy().accountKey(storeHash), d);
        }
      }
    }
    if (toLookUp.isEmpty()) {
      return decided;
    }
    Map<String, List<String>> contacts =
        salesforce.idsByKey(
            "Contact",
            "Account." + CustomerWritePlanner.ACCOUNT_KEY,
            List.copyOf(toLookUp.keySet()));
    if (contacts.isEmpty()) {
      return decided;
    }
    List<DecidedCustomer> out = new ArrayList<>();
    for (DecidedCustomer d : decided) {
      List<String> found = new ArrayList<>();
      if (d.customer().ref().isGuest()) {
        for (String key : accountKeys(storeHash, d.customer().ref())) {
          if (toLookUp.get(key) == d) {
            found.addAll(contacts.getOrDefault(key, List.of()));
          }
        }
      }
      out.add(
          !found.isEmpty()
              ? new DecidedCustomer(
                  d.customer(),
                  new MatchDecision.UpdateContact(found.get(0), MatchRule.EXTERNAL_ID),
                  d.decidedByReview(),
                  null)
              : d);
    }
    return out;
  }

  /** The guest's household Account keys: under its id, and under its legacy id if it has one. */
  private static List<String> accountKeys(String storeHash, CustomerRef ref) {
    return ref.legacyBcId() == null
        ? List.of(ref.accountKey(storeHash))
        : List.of(ref.accountKey(storeHash), ref.asLegacy().accountKey(storeHash));
  }
}
