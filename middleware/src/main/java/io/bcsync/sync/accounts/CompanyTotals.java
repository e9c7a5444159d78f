package io.bcsync.sync.accounts;

import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;

/** One company's aggregate over its counted ledger rows, as the database sums it. */
@Introspected
record CompanyTotals(
    String companyKey, BigDecimal revenue, long orders, long firstOrderMs, long lastOrderMs) {}
