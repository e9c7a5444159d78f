package io.bcsync.sync.identity;

/**
 * One row of the identity map.
 *
 * @param accountId the Account a Contact belongs to (orders are written against it); null for other
 *     objects
 * @param parentBcId for order lines: the BigCommerce order id
 * @param bcModifiedMs BigCommerce {@code date_modified} of the version written (epoch ms), null
 *     when unknown
 * @param matchedBy for customers: how the Salesforce record was chosen when the link was made: a
 *     match rule ({@code email}, {@code phone}, {@code external_id}), {@code created} or {@code
 *     review}; null when not known or when a later write did not decide anything (an existing link
 *     keeps its first reason)
 */
public record Identity(
    String storeHash,
    String bcType,
    String bcId,
    String sfObject,
    String sfId,
    String accountId,
    String parentBcId,
    Long bcModifiedMs,
    String matchedBy) {

  public Identity(
      String storeHash,
      String bcType,
      String bcId,
      String sfObject,
      String sfId,
      String accountId,
      String parentBcId,
      Long bcModifiedMs) {
    this(storeHash, bcType, bcId, sfObject, sfId, accountId, parentBcId, bcModifiedMs, null);
  }

  /**
   * True when {@code fetchedModifiedMs} is older than what was written: writing it would undo a
   * newer change.
   */
  public boolean isNewerThan(Long fetchedModifiedMs) {
    return bcModifiedMs != null && fetchedModifiedMs != null && fetchedModifiedMs < bcModifiedMs;
  }
}
