package io.bcsync.sync.customers;

import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Guests linked before guest keys had a secret ({@link GuestKeys}) sit in the identity map under
 * their legacy id. A guest of the batch that is not linked under its keyed id is looked up under
 * that legacy id; a row found there is copied to the keyed id and the legacy row deleted, so the
 * guest keeps its Contact (no second one is created) and the reversible id leaves the database the
 * first time the guest orders again. One query per batch, only for guests not linked otherwise.
 */
final class LegacyGuests {
  private LegacyGuests() {}

  /**
   * @return by customer key, the links of the given guests found under their legacy ids (now stored
   *     under their keyed ids)
   */
  static Map<String, Identity> move(
      IdentityMap identities, String storeHash, List<BatchCustomer> unlinked) {
    Map<String, BatchCustomer> byLegacyId = new HashMap<>();
    for (BatchCustomer c : unlinked) {
      if (c.ref().isGuest() && c.ref().legacyBcId() != null) {
        byLegacyId.put(c.ref().legacyBcId(), c);
      }
    }
    Map<String, Identity> moved = new HashMap<>();
    if (byLegacyId.isEmpty()) {
      return moved;
    }
    Map<String, Identity> legacy = identities.find(storeHash, "guest", byLegacyId.keySet());
    if (legacy.isEmpty()) {
      return moved;
    }
    List<Identity> keyed = new ArrayList<>();
    legacy.forEach(
        (legacyId, row) -> {
          BatchCustomer c = byLegacyId.get(legacyId);
          Identity renamed =
              new Identity(
                  row.storeHash(),
                  row.bcType(),
                  c.ref().bcId(),
                  row.sfObject(),
                  row.sfId(),
                  row.accountId(),
                  row.parentBcId(),
                  row.bcModifiedMs(),
                  row.matchedBy());
          keyed.add(renamed);
          moved.put(c.key(), renamed);
        });
    // Keyed row first: a crash in between leaves both, and the next order moves it again.
    identities.saveNew(keyed);
    identities.deleteRecords(storeHash, "guest", legacy.values());
    return moved;
  }
}
