package io.bcsync.sync.identity;

/**
 * One row of the identity map.
 *
 * @param accountId the Account a Contact belongs to (orders are written against it); null for other objects
 * @param parentBcId for order lines: the BigCommerce order id
 * @param bcModifiedMs BigCommerce {@code date_modified} of the version written (epoch ms), null when unknown
 */
public record Identity(String storeHash, String bcType, String bcId, String sfObject, String sfId, String accountId,
    String parentBcId, Long bcModifiedMs) {

  /** True when {@code fetchedModifiedMs} is older than what was written: writing it would undo a newer change. */
  public boolean isNewerThan(Long fetchedModifiedMs) {
    return bcModifiedMs != null && fetchedModifiedMs != null && fetchedModifiedMs < bcModifiedMs;
  }
}
