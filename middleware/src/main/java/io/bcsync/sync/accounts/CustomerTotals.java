package io.bcsync.sync.accounts;

import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;

/**
 * One customer's aggregate over its counted ledger rows, with its company key ("" when none of its
 * orders was a company's).
 */
@Introspected
record CustomerTotals(
    String customerKey,
    String companyKey,
    BigDecimal revenue,
    long orders,
    long firstOrderMs,
    long lastOrderMs) {}
