package io.bcsync.sim.bigcommerce.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sim.bigcommerce.http.Json;
import java.time.Duration;
import java.util.Locale;

/**
 * A failure to inject into matching API calls. {@code remaining} counts down per matching call; -1
 * means until cleared. Method and path filters are optional (path matches by substring).
 */
public final class Fault {
  /** What the call experiences. */
  public enum Kind {
    /** Answer with the given HTTP status (e.g. 500, 502, 503). */
    STATUS,
    /** Answer 429 as if another app exhausted the store quota. */
    RATE_LIMIT,
    /** Wait, then handle the call normally. */
    LATENCY,
    /**
     * Hold the call for the given delay and then drop it with 504, so clients with shorter timeouts
     * time out.
     */
    TIMEOUT,
    /** Hold the call (inside its concurrency permit) until a test opens the gate; Java API only. */
    GATE,
    /**
     * Handle the call normally (its write commits, its webhooks fire), then answer 504 instead of
     * the result: what a client sees when a gateway times out after the platform did the work.
     */
    LOSE_RESPONSE
  }

  private final Kind kind;
  private final int status;
  private final Duration delay;
  private final String method;
  private final String pathContains;
  private int remaining;
  private final java.util.concurrent.CompletableFuture<Void> gate;
  private final java.util.concurrent.atomic.AtomicInteger arrivals =
      new java.util.concurrent.atomic.AtomicInteger();

  private Fault(
      Kind kind, int status, Duration delay, String method, String pathContains, int remaining) {
    this(kind, status, delay, method, pathContains, remaining, null);
  }

  private Fault(
      Kind kind,
      int status,
      Duration delay,
      String method,
      String pathContains,
      int remaining,
      java.util.concurrent.CompletableFuture<Void> gate) {
    this.gate = gate;
    this.kind = kind;
    this.status = status;
    this.delay = delay;
    this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
    this.pathContains = pathContains;
    this.remaining = remaining;
  }

  public static Fault status(int status, int times) {
    return new Fault(Kind.STATUS, status, Duration.ZERO, null, null, times);
  }

  public static Fault rateLimitStorm(int times) {
    return new Fault(Kind.RATE_LIMIT, 429, Duration.ZERO, null, null, times);
  }

  public static Fault latency(Duration delay, int times) {
    return new Fault(Kind.LATENCY, 200, delay, null, null, times);
  }

  public static Fault loseResponse(int times) {
    return new Fault(Kind.LOSE_RESPONSE, 504, Duration.ZERO, null, null, times);
  }

  public static Fault timeout(Duration hold, int times) {
    return new Fault(Kind.TIMEOUT, 504, hold, null, null, times);
  }

  /**
   * Holds matching calls until {@code gate} completes; {@link #arrivals()} counts the calls being
   * held.
   */
  public static Fault gate(java.util.concurrent.CompletableFuture<Void> gate, int times) {
    return new Fault(Kind.GATE, 200, Duration.ZERO, null, null, times, gate);
  }

  /** Restricts the fault to one method and paths containing the given text (either may be null). */
  public Fault on(String method, String pathContains) {
    return new Fault(kind, status, delay, method, pathContains, remaining, gate);
  }

  /** How many calls reached this fault's hold point. */
  public int arrivals() {
    return arrivals.get();
  }

  /** Waits as a LATENCY or GATE fault demands. */
  public void await() {
    arrivals.incrementAndGet();
    try {
      if (kind == Kind.GATE) {
        gate.get(5, java.util.concurrent.TimeUnit.MINUTES);
      } else {
        Thread.sleep(delay.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // an abandoned gate just lets the call through
    }
  }

  public static Fault fromJson(JsonNode node) {
    Kind kind = Kind.valueOf(Json.text(node, "kind", "STATUS").toUpperCase(Locale.ROOT));
    int times = (int) Json.longValue(node, "times", -1);
    Duration delay = Duration.ofMillis(Json.longValue(node, "delay_ms", 0));
    int status = (int) Json.longValue(node, "status", kind == Kind.RATE_LIMIT ? 429 : 500);
    return new Fault(
        kind,
        status,
        delay,
        Json.text(node, "method", null),
        Json.text(node, "path_contains", null),
        times);
  }

  boolean matches(String requestMethod, String path) {
    return remaining != 0
        && (method == null || method.equals(requestMethod))
        && (pathContains == null || path.contains(pathContains));
  }

  void consume() {
    if (remaining > 0) {
      remaining--;
    }
  }

  boolean exhausted() {
    return remaining == 0;
  }

  public Kind kind() {
    return kind;
  }

  public int status() {
    return status;
  }

  public Duration delay() {
    return delay;
  }
}
