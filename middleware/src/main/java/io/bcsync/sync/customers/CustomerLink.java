package io.bcsync.sync.customers;

import io.bcsync.sync.accounts.CompanyRules;

/**
 * Where a customer ended up: the Contact and Account an order is written against, and the
 * customer's B2B company (null for B2C), whose Account figures its orders roll up into.
 */
public record CustomerLink(String contactId, String accountId, CompanyRules.Company company) {}
