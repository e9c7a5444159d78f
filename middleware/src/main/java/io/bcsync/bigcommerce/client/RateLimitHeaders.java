package io.bcsync.bigcommerce.client;

import java.net.http.HttpHeaders;

/**
 * The X-Rate-Limit-* headers BigCommerce puts on every response (names are case-insensitive), and
 * X-Retry-After on a 429. A value that is absent or unparseable is -1.
 */
public record RateLimitHeaders(
    int quota, int left, long resetMs, long windowMs, long retryAfterSeconds) {
  public static final RateLimitHeaders NONE = new RateLimitHeaders(-1, -1, -1, -1, -1);

  public static RateLimitHeaders from(HttpHeaders headers) {
    return new RateLimitHeaders(
        (int) number(headers, "X-Rate-Limit-Requests-Quota"),
        (int) number(headers, "X-Rate-Limit-Requests-Left"),
        number(headers, "X-Rate-Limit-Time-Reset-Ms"),
        number(headers, "X-Rate-Limit-Time-Window-Ms"),
        number(headers, "X-Retry-After"));
  }

  /** True when the numbers describe the window completely. */
  public boolean complete() {
    return quota > 0 && left >= 0 && resetMs >= 0 && windowMs > 0;
  }

  private static long number(HttpHeaders headers, String name) {
    return headers
        .firstValue(name)
        .map(
            value -> {
              try {
                return Long.parseLong(value.trim());
              } catch (NumberFormatException e) {
                return -1L;
              }
            })
        .orElse(-1L);
  }
}
