package io.bcsync.sim.bigcommerce.b2b;

import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.HttpIo;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.ratelimit.RateLimiter;
import io.bcsync.sim.bigcommerce.store.ApiCredential;
import io.bcsync.sim.bigcommerce.store.StoreRegistry;
import io.bcsync.sim.bigcommerce.store.StoreRuntime;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The B2B Edition REST management API (/api/v3/io/...), a separate host on the real platform. Auth
 * is the store's X-Auth-Token plus X-Store-Hash naming the store (no store hash in the path).
 *
 * <p>Its rate limit is its own, reported in its own headers (../shared/reference/bigcommerce.md
 * 12): {@code X-Requests-Allocated} in the documented example's form "150 times/60 s", {@code
 * X-Requests-Remaining} and {@code X-Request-Window-Resets-After}. Only the names and that example
 * are documented; the quota (150 per 60 s per store, the example's numbers), the seconds in the
 * reset header and the 429 when it is used up are the simulator's UNVERIFIED reading.
 */
public final class B2bApiServlet extends HttpServlet {

  private final StoreRegistry stores;
  private final Router router;
  private final Clock clock;
  private final Map<String, RateLimiter> limits = new ConcurrentHashMap<>();
  private final int quota;
  private final Duration window;

  public B2bApiServlet(
      StoreRegistry stores, Router router, Clock clock, int quota, Duration window) {
    this.quota = quota;
    this.window = window;
    this.stores = stores;
    this.router = router;
    this.clock = clock;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
    Optional<StoreRuntime> runtime =
        Optional.ofNullable(req.getHeader("X-Store-Hash")).flatMap(stores::find);
    Optional<ApiCredential> credential =
        runtime.flatMap(r -> r.store().credential(req.getHeader("X-Auth-Token")));
    if (credential.isEmpty()) {
      HttpIo.write(resp, error(401, "Invalid token or store hash."));
      return;
    }
    byte[] body = HttpIo.body(req);
    RateLimiter.Decision used =
        limits
            .computeIfAbsent(runtime.get().store().hash(), h -> new RateLimiter(quota, window))
            .tryAcquire(clock.instant());
    if (!used.allowed()) {
      ApiResponse limited = error(429, "Too many requests.");
      addRateHeaders(limited, used);
      HttpIo.write(resp, limited);
      return;
    }
    Optional<io.bcsync.sim.bigcommerce.http.Router.Match> match =
        router.match(req.getMethod(), path);
    ApiResponse response;
    if (match.isEmpty() || match.get().isMethodNotAllowed()) {
      response = error(404, "Not found");
    } else {
      ApiRequest request =
          new ApiRequest(
              req.getMethod(),
              path,
              match.get().params(),
              HttpIo.query(req),
              body,
              HttpIo.headers(req),
              runtime.get().store(),
              credential.get().clientId(),
              clock.instant());
      try {
        synchronized (runtime.get().store()) {
          response = match.get().route().handler().handle(request);
        }
      } catch (ApiException e) {
        response = error(e.status(), e.title());
      }
    }
    addRateHeaders(response, used);
    HttpIo.write(resp, response);
  }

  private static void addRateHeaders(ApiResponse response, RateLimiter.Decision quota) {
    response.header(
        "X-Requests-Allocated",
        quota.quota() + " times/" + Duration.ofMillis(quota.windowMs()).toSeconds() + " s");
    response.header("X-Requests-Remaining", String.valueOf(quota.left()));
    response.header(
        "X-Request-Window-Resets-After", String.valueOf((quota.resetMs() + 999) / 1000));
  }

  private static ApiResponse error(int code, String message) {
    ApiResponse r = ApiResponse.of(code, B2bCompaniesApi.envelope(code, Json.object()));
    ((com.fasterxml.jackson.databind.node.ObjectNode) r.body().get("meta")).put("message", message);
    return r;
  }
}
