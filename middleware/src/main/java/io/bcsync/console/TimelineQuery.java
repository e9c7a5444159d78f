package io.bcsync.console;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a record-timeline search means: a BigCommerce order, customer or product id (digits; all are
 * looked up), an e-mail address, or a Salesforce record id (15 or 18 letters and digits, not all
 * digits), optionally narrowed to one store. Anything else is refused with the reason, so the page
 * and {@code GET /admin/timeline} answer 400 rather than an empty timeline that looks like "nothing
 * happened".
 */
public record TimelineQuery(Kind kind, String value, Optional<String> store) {
  static final int MAX_LENGTH = 254;
  private static final Pattern BIGCOMMERCE_ID = Pattern.compile("[0-9]{1,18}");
  private static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{15}|[a-zA-Z0-9]{18}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern STORE = Pattern.compile("[a-z0-9]{1,64}");

  public enum Kind {
    BIGCOMMERCE_ID,
    EMAIL,
    SALESFORCE_ID
  }

  public static TimelineQuery parse(String q, String store) {
    String text = q == null ? "" : q.strip();
    if (text.isEmpty()) {
      throw new InvalidTimelineQuery(
          "type an order, customer or product id, an e-mail or a Salesforce id");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidTimelineQuery("the search is longer than " + MAX_LENGTH + " characters");
    }
    Optional<String> narrowed =
        store == null || store.isBlank() ? Optional.empty() : Optional.of(store.strip());
    if (narrowed.isPresent() && !STORE.matcher(narrowed.get()).matches()) {
      throw new InvalidTimelineQuery("store must be a store hash (lower-case letters and digits)");
    }
    if (BIGCOMMERCE_ID.matcher(text).matches()) {
      return new TimelineQuery(Kind.BIGCOMMERCE_ID, text.replaceFirst("^0+(?=.)", ""), narrowed);
    }
    if (SALESFORCE_ID.matcher(text).matches()) {
      return new TimelineQuery(Kind.SALESFORCE_ID, text, narrowed);
    }
    if (EMAIL.matcher(text).matches()) {
      return new TimelineQuery(Kind.EMAIL, text.toLowerCase(Locale.ROOT), narrowed);
    }
    throw new InvalidTimelineQuery(
        "not an order, customer or product id (digits), an e-mail address or a Salesforce id"
            + " (15 or 18 letters and digits)");
  }

  /** A search the page or the admin API refuses with 400 and this message. */
  public static class InvalidTimelineQuery extends RuntimeException {
    InvalidTimelineQuery(String message) {
      super(message, null, false, false);
    }
  }
}
