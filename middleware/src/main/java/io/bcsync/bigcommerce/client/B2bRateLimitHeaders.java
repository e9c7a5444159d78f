package io.bcsync.bigcommerce.client;

import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the B2B Edition host's own rate-limit headers into the budget's terms. Only their names and
 * one example ({@code X-Requests-Allocated: 150 times/60 s}) are documented (reference §12); units
 * and formats below are UNVERIFIED guesses, so every value that does not parse is reported as
 * unknown (-1). With unknown numbers the budget sends one call at a time and treats a 429 as
 * overload (long back-off), which is the safe side.
 */
final class B2bRateLimitHeaders {
  /**
   * "150 times/60 s", "150/60s", "150 times / 60000 ms": the count, then the window with an
   * optional unit.
   */
  private static final Pattern ALLOCATED =
      Pattern.compile(
          "^\\s*(\\d+)[^/]*/\\s*(\\d+)\\s*(ms|s|sec|seconds?|m|min|minutes?)?\\s*$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern AMOUNT =
      Pattern.compile("^\\s*(\\d+)\\s*(ms|s|sec|seconds?)?\\s*$", Pattern.CASE_INSENSITIVE);

  private B2bRateLimitHeaders() {}

  static RateLimitHeaders from(HttpHeaders headers) {
    int quota = -1;
    long windowMs = -1;
    Optional<String> allocated = headers.firstValue("X-Requests-Allocated");
    if (allocated.isPresent()) {
      Matcher m = ALLOCATED.matcher(allocated.get());
      if (m.matches()) {
        quota = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(m.group(1)));
        windowMs = toMillis(Long.parseLong(m.group(2)), m.group(3));
      }
    }
    int left = (int) plainNumber(headers.firstValue("X-Requests-Remaining"));
    long resetMs =
        headers
            .firstValue("X-Request-Window-Resets-After")
            .map(B2bRateLimitHeaders::duration)
            .orElse(-1L);
    // Seconds, per HTTP's Retry-After; BigCommerce's REST host uses X-Retry-After, so accept both.
    long retryAfter =
        Math.max(
            plainNumber(headers.firstValue("Retry-After")),
            plainNumber(headers.firstValue("X-Retry-After")));
    return new RateLimitHeaders(quota, left, resetMs, windowMs, retryAfter);
  }

  /** A bare number is taken as seconds, like the window in the documented example. */
  private static long duration(String value) {
    Matcher m = AMOUNT.matcher(value);
    return m.matches() ? toMillis(Long.parseLong(m.group(1)), m.group(2)) : -1;
  }

  private static long toMillis(long amount, String unit) {
    if (unit == null || unit.toLowerCase(java.util.Locale.ROOT).startsWith("s")) {
      return amount * 1000;
    }
    if (unit.equalsIgnoreCase("ms")) {
      return amount;
    }
    return amount * 60_000;
  }

  private static long plainNumber(Optional<String> value) {
    try {
      return value.map(v -> Long.parseLong(v.trim())).orElse(-1L);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
