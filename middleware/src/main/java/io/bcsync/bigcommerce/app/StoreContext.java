package io.bcsync.bigcommerce.app;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BigCommerce names a store as {@code stores/{hash}} in OAuth contexts, JWT subjects and webhook
 * producers.
 */
final class StoreContext {
  private static final Pattern CONTEXT = Pattern.compile("stores/([a-z0-9]{1,32})");

  private StoreContext() {}

  static Optional<String> hashOf(String context) {
    if (context == null) {
      return Optional.empty();
    }
    Matcher matcher = CONTEXT.matcher(context);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
