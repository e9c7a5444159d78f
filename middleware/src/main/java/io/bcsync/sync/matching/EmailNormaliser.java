package io.bcsync.sync.matching;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns an email address into the key two addresses must share to be "the same person".
 *
 * <p>The whole address is lower-cased: RFC 5321 allows case-sensitive local parts, but no mailbox
 * provider a shop customer is likely to use treats them so, and shoppers type their address in
 * whatever case they like (the same customer shows up as {@code Jo@x.com} and {@code jo@X.COM}).
 * Plus-address folding ({@code jo+shop@x.com} → {@code jo@x.com}) is optional because at some
 * providers the tag is a different mailbox.
 */
public final class EmailNormaliser {
  private final boolean foldPlusAddresses;

  public EmailNormaliser(boolean foldPlusAddresses) {
    this.foldPlusAddresses = foldPlusAddresses;
  }

  /**
   * The normalised key, or empty when the value is blank or not shaped like {@code local@domain}.
   */
  public Optional<String> normalise(String email) {
    if (email == null) {
      return Optional.empty();
    }
    String trimmed = email.strip().toLowerCase(Locale.ROOT);
    int at = trimmed.lastIndexOf('@');
    if (at <= 0
        || at == trimmed.length() - 1
        || trimmed.indexOf('@') != at
        || containsWhitespace(trimmed)) {
      return Optional.empty();
    }
    String local = trimmed.substring(0, at);
    String domain = trimmed.substring(at + 1);
    if (foldPlusAddresses) {
      int plus = local.indexOf('+');
      if (plus > 0) {
        local = local.substring(0, plus);
      }
    }
    return Optional.of(local + "@" + domain);
  }

  private static boolean containsWhitespace(String value) {
    return value.chars().anyMatch(Character::isWhitespace);
  }
}
