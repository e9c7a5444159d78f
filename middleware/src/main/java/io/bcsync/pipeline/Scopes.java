package io.bcsync.pipeline;

import java.util.Arrays;
import java.util.List;

/**
 * The distinct webhook scopes that joined a work item, stored as a comma-separated column so
 * handlers can tell a refund from a plain update even after a burst collapsed into one item.
 */
final class Scopes {
  static final int MAX_LENGTH = 2000;

  private Scopes() {}

  static String add(String stored, String scope) {
    List<String> existing = parse(stored);
    if (existing.contains(scope)) {
      return stored;
    }
    String joined = stored.isEmpty() ? scope : stored + "," + scope;
    // Scope names are short and finite, so this bound is only reached by abuse; keep what fits.
    return joined.length() > MAX_LENGTH ? stored : joined;
  }

  static List<String> parse(String stored) {
    return stored == null || stored.isEmpty() ? List.of() : Arrays.asList(stored.split(","));
  }
}
