package io.bcsync.sim.bigcommerce.http;

import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.sim.bigcommerce.ratelimit.ConcurrencyLimiter;
import io.bcsync.sim.bigcommerce.ratelimit.RateLimiter;
import io.bcsync.sim.bigcommerce.store.ApiCredential;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.sim.bigcommerce.store.StoreRegistry;
import io.bcsync.sim.bigcommerce.store.StoreRuntime;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves /stores/{hash}/v2|v3/... in the order BigCommerce applies its gates: store, token, quota,
 * then the endpoint. Rate-limit headers go on every response of a known store.
 */
public final class StoreApiServlet extends HttpServlet {
  private static final Logger LOG = LoggerFactory.getLogger(StoreApiServlet.class);
  private final StoreRegistry stores;
  private final Router router;
  private final Clock clock;

  public StoreApiServlet(StoreRegistry stores, Router router, Clock clock) {
    this.stores = stores;
    this.router = router;
    this.clock = clock;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    // Path after /stores: "/{hash}/v3/catalog/products"
    String rest = Optional.ofNullable(req.getPathInfo()).orElse("/");
    String[] parts = rest.split("/", 4);
    if (parts.length < 3) {
      HttpIo.write(
          resp, ApiResponse.of(404, ErrorBodies.v2(404, "The requested resource was not found.")));
      return;
    }
    String hash = parts[1];
    ApiVersion version = "v2".equals(parts[2]) ? ApiVersion.V2 : ApiVersion.V3;
    String apiPath = "/" + parts[2] + (parts.length > 3 ? "/" + parts[3] : "");
    Optional<StoreRuntime> found = stores.find(hash);
    if (found.isEmpty() || !(parts[2].equals("v2") || parts[2].equals("v3"))) {
      HttpIo.write(resp, error(version, new ApiException(404, "Store not found.")));
      return;
    }
    StoreRuntime runtime = found.get();
    byte[] body = HttpIo.body(req);
    ApiResponse response;
    String route = "?";
    Optional<ApiCredential> credential = runtime.store().credential(req.getHeader("X-Auth-Token"));
    if (credential.isEmpty()) {
      response = error(version, new ApiException(401, "Unauthorized"));
      addRateHeaders(response, runtime.rateLimiter().peek(clock.instant()));
    } else {
      Optional<Router.Match> match = router.match(req.getMethod(), apiPath);
      route = match.filter(m -> !m.isMethodNotAllowed()).map(m -> m.route().template()).orElse("?");
      response = gatedCall(runtime, credential.get(), req, apiPath, version, match, body);
    }
    runtime
        .requests()
        .record(
            new RequestLog.Entry(
                clock.instant(),
                req.getMethod(),
                apiPath,
                req.getQueryString(),
                route,
                response.status(),
                credential.map(ApiCredential::clientId).orElse(null),
                isWrite(req.getMethod()) ? parseQuietly(body) : null));
    HttpIo.write(resp, response);
  }

  private ApiResponse gatedCall(
      StoreRuntime runtime,
      ApiCredential credential,
      HttpServletRequest req,
      String apiPath,
      ApiVersion version,
      Optional<Router.Match> match,
      byte[] body) {
    RateLimiter.Decision quota = runtime.rateLimiter().tryAcquire(clock.instant());
    if (!quota.allowed()) {
      return tooManyRequests(version, quota);
    }
    Optional<Fault> fault = runtime.faults().next(req.getMethod(), apiPath);
    Fault slowDown = null;
    boolean loseResponse = false;
    if (fault.isPresent()) {
      if (fault.get().kind() == Fault.Kind.LATENCY || fault.get().kind() == Fault.Kind.GATE) {
        slowDown = fault.get();
      } else if (fault.get().kind() == Fault.Kind.LOSE_RESPONSE) {
        loseResponse = true;
      } else {
        ApiResponse faulted = applyFault(fault.get(), version, runtime);
        if (!faulted.headers().containsKey("X-Rate-Limit-Requests-Left")) {
          addRateHeaders(faulted, quota);
        }
        return faulted;
      }
    }
    ApiResponse response;
    if (match.isEmpty()) {
      response = error(version, ApiException.notFound());
    } else if (match.get().isMethodNotAllowed()) {
      response = error(version, new ApiException(405, "Method Not Allowed"));
    } else {
      response = invoke(runtime, credential, req, apiPath, version, match.get(), body, slowDown);
    }
    if (loseResponse) {
      // The work is done; only its answer is replaced.
      response = error(version, new ApiException(504, "Gateway Timeout"));
    }
    addRateHeaders(response, quota);
    return response;
  }

  private ApiResponse invoke(
      StoreRuntime runtime,
      ApiCredential credential,
      HttpServletRequest req,
      String apiPath,
      ApiVersion version,
      Router.Match match,
      byte[] body,
      Fault slowDown) {
    ConcurrencyLimiter.Permit permit =
        runtime.concurrency().tryEnter(match.route().concurrencyKey());
    if (permit == null) {
      return error(
          version, new ApiException(429, "Too many concurrent requests to this endpoint."));
    }
    try (permit) {
      // Slowness is applied while holding the concurrency permit, like a slow endpoint on the real
      // platform.
      if (slowDown != null) {
        slowDown.await();
      }
      ApiRequest request =
          new ApiRequest(
              req.getMethod(),
              apiPath,
              match.params(),
              HttpIo.query(req),
              body,
              HttpIo.headers(req),
              runtime.store(),
              credential.clientId(),
              clock.instant());
      synchronized (runtime.store()) {
        return match.route().handler().handle(request);
      }
    } catch (ApiException e) {
      return error(version, e);
    } catch (RuntimeException e) {
      LOG.warn("simulator handler failed for {} {}", req.getMethod(), apiPath, e);
      return error(version, new ApiException(500, "Internal Server Error"));
    }
  }

  private ApiResponse applyFault(Fault fault, ApiVersion version, StoreRuntime runtime) {
    switch (fault.kind()) {
      case TIMEOUT -> {
        sleep(fault.delay().toMillis());
        return error(version, new ApiException(504, "Gateway Timeout"));
      }
      case RATE_LIMIT -> {
        runtime.rateLimiter().exhaust(clock.instant());
        return tooManyRequests(version, runtime.rateLimiter().peek(clock.instant()));
      }
      default -> {
        return error(version, new ApiException(fault.status(), "Simulated failure"));
      }
    }
  }

  private ApiResponse tooManyRequests(ApiVersion version, RateLimiter.Decision quota) {
    ApiResponse response =
        error(version, new ApiException(429, "You have exceeded the rate limit for this store."));
    addRateHeaders(response, quota);
    // X-Retry-After is in whole seconds; round up so a client sleeping for it never wakes early.
    response.header("X-Retry-After", String.valueOf((quota.resetMs() + 999) / 1000));
    return response;
  }

  static void addRateHeaders(ApiResponse response, RateLimiter.Decision quota) {
    response.header("X-Rate-Limit-Time-Window-Ms", String.valueOf(quota.windowMs()));
    response.header("X-Rate-Limit-Time-Reset-Ms", String.valueOf(quota.resetMs()));
    response.header("X-Rate-Limit-Requests-Quota", String.valueOf(quota.quota()));
    response.header("X-Rate-Limit-Requests-Left", String.valueOf(quota.left()));
  }

  private static ApiResponse error(ApiVersion version, ApiException e) {
    return ApiResponse.of(e.status(), ErrorBodies.render(version, e));
  }

  private static boolean isWrite(String method) {
    return List.of("POST", "PUT", "DELETE", "PATCH").contains(method);
  }

  private static com.fasterxml.jackson.databind.JsonNode parseQuietly(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return Json.parse(body);
    } catch (IOException e) {
      return Json.object().put("unparseable", true);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
