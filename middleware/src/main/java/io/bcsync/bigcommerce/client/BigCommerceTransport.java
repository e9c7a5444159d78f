package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.bcsync.config.BigCommerceClientConfig;
import io.bcsync.pipeline.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends calls to store REST APIs inside each store's rate budget and concurrency caps, waits out
 * 429s, and turns failures into {@link RetryableBigCommerceException} or {@link
 * PermanentBigCommerceException}.
 *
 * <p>Built on the JDK {@link HttpClient}: calls are made from worker and job threads that may
 * block, the base URL and token differ per store at run time (installed stores come from the
 * database), and the rate-limit headers of every response must be read - a plain synchronous client
 * keeps all of that explicit.
 */
public final class BigCommerceTransport {
  private static final Logger LOG = LoggerFactory.getLogger(BigCommerceTransport.class);
  private static final int MAX_ERROR_TEXT = 300;

  private final ApiDialect dialect;
  private final BigCommerceClientConfig config;
  private final HttpClient http;
  private final ObjectMapper mapper;
  private final Clock wallClock;
  private final RateBudget.Waiter waiter;
  private final QuotaMetrics metrics;
  private final Map<String, StoreLane> lanes = new ConcurrentHashMap<>();

  /**
   * @param wallClock the budget measures real waiting time, so it needs the real clock even when
   *     the rest of the application runs on a test clock
   */
  public BigCommerceTransport(
      URI apiBase,
      BigCommerceClientConfig config,
      QuotaMetrics metrics,
      Clock wallClock,
      RateBudget.Waiter waiter) {
    this(new RestDialect(apiBase), config, metrics, wallClock, waiter);
  }

  /**
   * A transport for the B2B Edition host. It has budgets of its own: the B2B host reports its own
   * limits in its own headers, so it is treated as a quota separate from the store's REST quota
   * (UNVERIFIED, see {@link B2bRateLimitHeaders}).
   */
  public static BigCommerceTransport b2b(
      URI b2bBase,
      BigCommerceClientConfig config,
      QuotaMetrics metrics,
      Clock wallClock,
      RateBudget.Waiter waiter) {
    return new BigCommerceTransport(new B2bDialect(b2bBase), config, metrics, wallClock, waiter);
  }

  BigCommerceTransport(
      ApiDialect dialect,
      BigCommerceClientConfig config,
      QuotaMetrics metrics,
      Clock wallClock,
      RateBudget.Waiter waiter) {
    this.dialect = dialect;
    this.config = config;
    this.metrics = metrics;
    this.wallClock = wallClock;
    this.waiter = waiter;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    // Money must stay exact: numbers with a fraction become BigDecimal, never double.
    this.mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** The budget of one store (created on first use), for metrics and tests. */
  public RateBudget budget(String storeHash) {
    return lane(storeHash).budget;
  }

  /**
   * Sends the call and returns a 2xx or 404 response; every other outcome throws. 404 is returned
   * because for a read it usually means "deleted", which callers handle as data, not as a failure.
   */
  public ApiResponse call(String storeHash, String accessToken, ApiRequest request) {
    StoreLane lane = lane(storeHash);
    Optional<Semaphore> cap = lane.caps.forCall(request.method(), request.path());
    try {
      if (cap.isPresent()) {
        cap.get().acquire();
      }
      try {
        return callWithinBudget(storeHash, accessToken, request, lane.budget);
      } finally {
        cap.ifPresent(Semaphore::release);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableBigCommerceException(
          0, "interrupted while waiting to call " + request.describe(), e);
    }
  }

  private ApiResponse callWithinBudget(
      String storeHash, String token, ApiRequest request, RateBudget budget)
      throws InterruptedException {
    for (int rateLimited = 0; ; rateLimited++) {
      budget.acquire();
      HttpResponse<byte[]> response;
      try {
        response =
            http.send(build(storeHash, token, request), HttpResponse.BodyHandlers.ofByteArray());
      } catch (HttpTimeoutException e) {
        budget.failed();
        metrics.request(storeHash, 0);
        throw new RetryableBigCommerceException(
            0,
            request.describe() + " timed out",
            e,
            () -> BigCommerceCallEvidence.unanswered(request, "timed out"));
      } catch (IOException e) {
        budget.failed();
        metrics.request(storeHash, 0);
        String failure = e.getClass().getSimpleName();
        throw new RetryableBigCommerceException(
            0,
            request.describe() + " failed: " + e.getMessage(),
            e,
            () -> BigCommerceCallEvidence.unanswered(request, failure));
      } catch (InterruptedException | RuntimeException e) {
        budget.failed();
        throw e;
      }
      int status = response.statusCode();
      metrics.request(storeHash, status);
      RateLimitHeaders limits = dialect.limits(response.headers());
      if (status != 429) {
        budget.completed(limits);
        return interpret(storeHash, request, status, response.body());
      }
      Duration pause = budget.rateLimited(limits);
      boolean overload = limits.resetMs() < 0 && limits.retryAfterSeconds() < 0;
      metrics.rateLimited(storeHash, overload ? "overload" : "quota");
      LOG.info(
          "Store {} ({} API) answered 429 to {} ({}); pausing its calls for {} ms",
          storeHash,
          dialect.name(),
          request.describe(),
          overload ? "no rate-limit headers: platform overload" : "quota used up",
          pause.toMillis());
      if (rateLimited >= config.maxRateLimitRetries()) {
        byte[] body = response.body();
        throw new RetryableBigCommerceException(
            429,
            request.describe() + " still rate limited after " + (rateLimited + 1) + " attempts",
            null,
            () -> BigCommerceCallEvidence.answered(request, status, body));
      }
    }
  }

  private HttpRequest build(String storeHash, String token, ApiRequest request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(dialect.uri(storeHash, request))
            .timeout(config.requestTimeout())
            .header("Accept", "application/json");
    dialect.authenticate(builder, storeHash, token);
    if (request.body() != null) {
      builder
          .header("Content-Type", "application/json")
          .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body().toString()));
    } else {
      builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
    }
    return builder.build();
  }

  private ApiResponse interpret(String storeHash, ApiRequest request, int status, byte[] body) {
    if ((status >= 200 && status < 300) || status == 404) {
      return new ApiResponse(status, parse(request, status, body));
    }
    String detail = errorText(body);
    String message =
        request.describe()
            + " on store "
            + storeHash
            + " answered "
            + status
            + (detail.isEmpty() ? "" : ": " + detail);
    Supplier<Outcome.Evidence> evidence =
        () -> BigCommerceCallEvidence.answered(request, status, body);
    if (status >= 500 || status == 408) {
      throw new RetryableBigCommerceException(status, message, null, evidence);
    }
    throw new PermanentBigCommerceException(status, message, jsonOrNull(body), evidence);
  }

  private JsonNode jsonOrNull(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      return null; // the caller falls back to what the status alone says
    }
  }

  private JsonNode parse(ApiRequest request, int status, byte[] body) {
    if (body == null || body.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      throw new RetryableBigCommerceException(
          status, request.describe() + " returned a body that is not JSON", e);
    }
  }

  /** The vendor's error title or message, shortened; bodies never contain our secrets. */
  private String errorText(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    try {
      JsonNode json = mapper.readTree(body);
      JsonNode first = json.isArray() && !json.isEmpty() ? json.get(0) : json;
      // V3 puts it in title, V2 in message, B2B Edition in meta.message.
      String text =
          first
              .path("title")
              .asText(first.path("message").asText(first.path("meta").path("message").asText("")));
      JsonNode errors = first.path("errors");
      if (errors.isObject() && !errors.isEmpty()) {
        text = text + " " + errors;
      }
      return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "..." : text;
    } catch (IOException e) {
      return "";
    }
  }

  private StoreLane lane(String storeHash) {
    return lanes.computeIfAbsent(
        storeHash,
        hash -> {
          RateBudget budget =
              new RateBudget(
                  hash,
                  config.quotaHeadroom(),
                  config.overloadBackoff(),
                  config.overloadBackoffMax(),
                  config.maxWait(),
                  wallClock,
                  waiter);
          metrics.registerStore(hash, budget::snapshot);
          return new StoreLane(budget, new ConcurrencyCaps());
        });
  }

  private record StoreLane(RateBudget budget, ConcurrencyCaps caps) {}
}
