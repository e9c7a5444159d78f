package io.bcsync.sync.matching;

import java.util.EnumSet;
import java.util.List;

/**
 * How a store matches customers to existing Salesforce records.
 *
 * @param rules tried in this order; the first rule that finds anything decides
 * @param foldPlusAddresses treat {@code jo+shop@x.com} as {@code jo@x.com}
 * @param defaultPhoneRegion region for numbers without a country code when the customer's country
 *     is unknown
 * @param leadPolicy update or convert a matching Lead
 * @param newCustomersAs what an unmatched customer is created as
 * @param matchAcrossStores whether Contacts and Leads that belong to another store of the org (its
 *     {@code BC_Store__c}, or the store in its {@code BC_Customer_Id__c}) are candidates at all.
 *     Off by default: a shopper of one store who types a customer of another store's e-mail must
 *     not reach that customer's record. Even when on, such a record is never overwritten (see
 *     {@link CustomerMatcher}).
 */
public record MatchingConfig(
    List<MatchRule> rules,
    boolean foldPlusAddresses,
    String defaultPhoneRegion,
    LeadPolicy leadPolicy,
    CandidateKind newCustomersAs,
    boolean matchAcrossStores) {

  public MatchingConfig {
    if (rules == null || rules.isEmpty()) {
      throw new IllegalArgumentException("matching needs at least one rule");
    }
    if (EnumSet.copyOf(rules).size() != rules.size()) {
      throw new IllegalArgumentException("a matching rule is listed twice: " + rules);
    }
    rules = List.copyOf(rules);
    if (leadPolicy == null || newCustomersAs == null) {
      throw new IllegalArgumentException("leadPolicy and newCustomersAs are required");
    }
  }

  public static MatchingConfig defaults() {
    return new MatchingConfig(
        List.of(
            MatchRule.EXTERNAL_ID,
            MatchRule.EMAIL,
            MatchRule.PHONE,
            MatchRule.NAME_AND_POSTAL_CODE),
        false,
        "US",
        LeadPolicy.UPDATE_LEAD,
        CandidateKind.CONTACT,
        false);
  }

  public MatchingConfig withRules(List<MatchRule> newRules) {
    return new MatchingConfig(
        newRules,
        foldPlusAddresses,
        defaultPhoneRegion,
        leadPolicy,
        newCustomersAs,
        matchAcrossStores);
  }

  public MatchingConfig withFoldPlusAddresses(boolean fold) {
    return new MatchingConfig(
        rules, fold, defaultPhoneRegion, leadPolicy, newCustomersAs, matchAcrossStores);
  }

  public MatchingConfig withLeadPolicy(LeadPolicy policy) {
    return new MatchingConfig(
        rules, foldPlusAddresses, defaultPhoneRegion, policy, newCustomersAs, matchAcrossStores);
  }

  public MatchingConfig withNewCustomersAs(CandidateKind kind) {
    return new MatchingConfig(
        rules, foldPlusAddresses, defaultPhoneRegion, leadPolicy, kind, matchAcrossStores);
  }

  public MatchingConfig withMatchAcrossStores(boolean across) {
    return new MatchingConfig(
        rules, foldPlusAddresses, defaultPhoneRegion, leadPolicy, newCustomersAs, across);
  }
}
