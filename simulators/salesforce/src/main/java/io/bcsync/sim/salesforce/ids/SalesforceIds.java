package io.bcsync.sim.salesforce.ids;

import java.util.Locale;
import java.util.Optional;

/** Salesforce record ids: 15 case-sensitive characters plus a 3-character case-folding checksum. */
public final class SalesforceIds {
  private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private SalesforceIds() {}

  /** Appends the checksum that makes an id safe for case-insensitive systems. */
  public static String to18(String id15) {
    StringBuilder suffix = new StringBuilder(3);
    for (int chunk = 0; chunk < 3; chunk++) {
      int flags = 0;
      for (int i = 0; i < 5; i++) {
        char c = id15.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          flags |= 1 << i;
        }
      }
      suffix.append(CHECKSUM_ALPHABET.charAt(flags));
    }
    return id15 + suffix;
  }

  /**
   * Accepts a 15- or 18-character id and returns the canonical 18-character form, if well-formed.
   */
  public static Optional<String> normalize(String candidate) {
    if (candidate == null) {
      return Optional.empty();
    }
    String id = candidate.trim();
    if (!id.chars().allMatch(Character::isLetterOrDigit)
        || (id.length() != 15 && id.length() != 18)) {
      return Optional.empty();
    }
    String canonical = to18(id.substring(0, 15));
    if (id.length() == 18 && !canonical.substring(15).equalsIgnoreCase(id.substring(15))) {
      return Optional.empty();
    }
    return Optional.of(canonical);
  }

  public static String keyPrefix(String id) {
    return id.substring(0, 3);
  }

  public static boolean samePrefix(String id, String prefix) {
    return id.length() >= 3
        && id.substring(0, 3).toLowerCase(Locale.ROOT).equals(prefix.toLowerCase(Locale.ROOT));
  }
}
