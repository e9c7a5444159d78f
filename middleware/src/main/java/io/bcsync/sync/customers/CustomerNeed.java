package io.bcsync.sync.customers;

/**
 * One work item's need for a customer: a customer item (its own record) or an order (its buyer).
 */
public record CustomerNeed(CustomerRef ref, long itemId, boolean forOrder) {}
