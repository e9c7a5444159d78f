package io.bcsync.bigcommerce.app;

import io.bcsync.config.AppCallbackConfig;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps how many app callbacks ({@code /bc/*}) this instance starts per second, before anything is
 * parsed: a token bucket of {@code rate-burst} tokens refilled at {@code rate-limit} per second; an
 * empty bucket answers 429 with {@code Retry-After}. The callbacks are unauthenticated until their
 * signature (or, for {@code /bc/auth}, BigCommerce's token endpoint) says otherwise, and each may
 * call BigCommerce, so without the cap a flood would queue unbounded work on their executor.
 *
 * <p>One bucket per instance, not per caller: behind a proxy every caller has the proxy's address.
 * A flood therefore delays genuine installs and page loads too (BigCommerce's control panel shows
 * the error; the merchant opens the app again), but never the webhooks or the sync, which use other
 * threads.
 *
 * <p>The callbacks only: the app page's files and its refreshes ({@code /bc/static/}, {@code
 * /bc/uplot/}, {@code /bc/api/}) need no BigCommerce call, and an open page polls every few
 * seconds, which would spend the callbacks' budget.
 */
@ServerFilter({"/bc/auth", "/bc/load", "/bc/uninstall", "/bc/remove_user"})
public class AppCallbackRateLimit {
  private static final Logger LOG = LoggerFactory.getLogger(AppCallbackRateLimit.class);
  private static final long LOG_EVERY_MS = 10_000;

  private final AppCallbackConfig config;
  private final Clock clock;
  private double tokens;
  private long refilledAtMs;
  private long refusedSinceLog;
  private long loggedAtMs = Long.MIN_VALUE;

  public AppCallbackRateLimit(AppCallbackConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.tokens = config.rateBurst();
    this.refilledAtMs = clock.millis();
  }

  @RequestFilter
  @Nullable
  public MutableHttpResponse<?> limit(HttpRequest<?> request) {
    if (take()) {
      return null;
    }
    return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(MediaType.TEXT_PLAIN_TYPE)
        .body("too many app callbacks at once; try again in a moment");
  }

  private synchronized boolean take() {
    long now = clock.millis();
    if (now > refilledAtMs) {
      tokens =
          Math.min(config.rateBurst(), tokens + (now - refilledAtMs) * config.rateLimit() / 1000.0);
      refilledAtMs = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    // One line per interval, not one per refusal: a flood must not flood the log too.
    refusedSinceLog++;
    if (loggedAtMs == Long.MIN_VALUE || now - loggedAtMs >= LOG_EVERY_MS) {
      LOG.warn(
          "Refused {} app callback(s) with 429: more than {} per second ({}.rate-limit)",
          refusedSinceLog,
          config.rateLimit(),
          AppCallbackConfig.PREFIX);
      refusedSinceLog = 0;
      loggedAtMs = now;
    }
    return false;
  }
}
