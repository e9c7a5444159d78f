package io.bcsync.bigcommerce.app;

import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.console.OperatorOverview;
import io.bcsync.console.OperatorOverview.Window;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /bc/api/stores/{store}/overview?window=hour|day}: the app page's refresh, the console
 * overview's data for that one store ({@link OperatorOverview#forStore}). Only with the page's
 * {@link AppPageTokens} token as {@code Authorization: Bearer}: missing, forged or expired → 401,
 * another store's → 403, a store bcsync is no longer installed on → 403. Read-only. Not behind the
 * app callbacks' rate limit: it verifies a MAC before it reads anything, and an open page polls it.
 */
@Controller("/bc/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AppOverviewController {
  private static final Logger LOG = LoggerFactory.getLogger(AppOverviewController.class);
  private static final String BEARER = "Bearer ";

  private final AppPageTokens tokens;
  private final OperatorOverview overview;
  private final ConnectedStores stores;

  public AppOverviewController(
      AppPageTokens tokens, OperatorOverview overview, ConnectedStores stores) {
    this.tokens = tokens;
    this.overview = overview;
    this.stores = stores;
  }

  @Get("/stores/{store}/overview")
  public HttpResponse<?> overview(
      @PathVariable String store,
      @Nullable @QueryValue String window,
      @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
    String token =
        authorization != null && authorization.startsWith(BEARER)
            ? authorization.substring(BEARER.length()).trim()
            : null;
    switch (tokens.check(token, store)) {
      case INVALID -> {
        // Expired tokens are routine (a page left open); the page stops polling after this.
        LOG.debug("Refused the app page's overview: missing, invalid or expired token");
        return refused(
            HttpStatus.UNAUTHORIZED,
            "unauthorized",
            "missing, invalid or expired; open bcsync again from the control panel");
      }
      case OTHER_STORE -> {
        // The path's store is not logged: it is whatever the caller wrote.
        LOG.warn("Refused the app page's overview: a token of another store");
        return refused(HttpStatus.FORBIDDEN, "forbidden", "this token is for another store");
      }
      case GRANTED -> {
        // Checked below.
      }
    }
    if (stores.find(store).isEmpty()) {
      return refused(HttpStatus.FORBIDDEN, "forbidden", "bcsync is not installed on this store");
    }
    return Window.named(window == null ? "hour" : window)
        .<HttpResponse<?>>map(
            chosen ->
                HttpResponse.ok(overview.forStore(store, chosen))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store"))
        .orElseGet(
            () ->
                HttpResponse.badRequest(
                    Map.of("error", "bad_request", "message", "window must be hour or day")));
  }

  private static HttpResponse<?> refused(HttpStatus status, String error, String message) {
    return HttpResponse.status(status)
        .body(Map.of("error", error, "message", message))
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
