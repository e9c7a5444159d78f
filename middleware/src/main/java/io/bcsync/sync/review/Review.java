package io.bcsync.sync.review;

/**
 * A review as the admin API lists it. Names the customer by store and origin ({@code customer 12},
 * {@code guest order 3052}) and the candidates by Salesforce id and kind: no e-mail or phone, which
 * an operator reads in Salesforce itself.
 *
 * @param resolution {@code link} (to {@code resolvedContactId}) or {@code create}; null while open
 * @param resolvedBy where the decision was made: {@code console} or {@code admin API} (null while
 *     open, and for reviews resolved before V42 recorded it)
 */
public record Review(
    long id,
    String storeHash,
    String customerKey,
    String customer,
    String reason,
    String matchedBy,
    Object candidates,
    String status,
    String resolution,
    String resolvedContactId,
    long createdAtMs,
    Long resolvedAtMs,
    String resolvedBy) {}
