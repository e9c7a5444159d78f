package io.bcsync.sync.customers;

import io.bcsync.sync.accounts.CompanyRules;

/**
 * Where a customer ended up: the Contact and Account an order is written against, and the
 * customer's B2B company (null for B2C), whose Account figures its orders roll up into.
 *
 * @param customerKey the customer ({@code customer:<id>} or {@code guest:<hash>}), whose ledger
 *     rows its orders are; null where no ledger row is written (tests of planning alone)
 */
public record CustomerLink(
    String contactId, String accountId, CompanyRules.Company company, String customerKey) {

  public CustomerLink(String contactId, String accountId, CompanyRules.Company company) {
    this(contactId, accountId, company, null);
  }
}
