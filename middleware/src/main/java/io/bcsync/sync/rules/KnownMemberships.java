package io.bcsync.sync.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, least-recently-used set of campaign memberships known to exist in Salesforce ({@link
 * CampaignEnrolments}): a hint that saves a create call Salesforce would refuse as "Already a
 * campaign member." anyway, never the only record of a membership.
 */
final class KnownMemberships {
  /**
   * About 3 MB of keys at most (two 18-character ids each): the members of a few busy Campaigns'
   * recent buyers, small against the service's heap.
   */
  static final int CAPACITY = 20_000;

  private final Map<String, Boolean> recent;

  KnownMemberships(int capacity) {
    this.recent =
        new LinkedHashMap<>(256, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized boolean contains(String membership) {
    return recent.get(membership) != null;
  }

  synchronized void remember(String membership) {
    recent.put(membership, Boolean.TRUE);
  }
}
