package io.bcsync.sim.salesforce.control;

import io.bcsync.sim.salesforce.fault.ApiFault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults and latency injected into SOAP calls on request. A rule matches an operation ("*" = any)
 * and optionally an sObject type, and fires a number of times (or forever with times = -1).
 */
public final class FaultInjector {
  /** Pseudo fault code: answer with an HTML 503 page, like a Salesforce maintenance window. */
  public static final String HTTP_503 = "HTTP_503";

  /**
   * Pseudo fault code: the call is carried out and committed, then its response is lost (see {@link
   * #loseResponses}).
   */
  public static final String LOSE_RESPONSE = "LOSE_RESPONSE";

  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<Rule> losses = new CopyOnWriteArrayList<>();
  private final AtomicInteger lostResponses = new AtomicInteger();
  private volatile CountDownLatch release = new CountDownLatch(1);

  /** A rule; code null means latency only. */
  public record Rule(
      String operation, String sobject, String code, Duration latency, AtomicInteger remaining) {
    boolean matches(String op, String type) {
      return (operation.equals("*") || operation.equalsIgnoreCase(op))
          && (sobject == null || sobject.equalsIgnoreCase(type))
          && remaining.get() != 0;
    }
  }

  public void failNext(String operation, String sobject, String code, int times) {
    if (LOSE_RESPONSE.equals(code)) {
      loseResponses(operation, sobject, times, Duration.ZERO);
      return;
    }
    rules.add(new Rule(operation, sobject, code, Duration.ZERO, new AtomicInteger(times)));
  }

  public void addLatency(String operation, Duration latency, int times) {
    rules.add(new Rule(operation, null, null, latency, new AtomicInteger(times)));
  }

  /**
   * The next {@code times} calls of the operation ("*" = any) on the sObject type (null = any) are
   * carried out and committed, and then their response is lost: the server holds it for {@code
   * hold} (a client whose read timeout is shorter gives up: "Read timed out") and then closes the
   * connection without answering (a client still waiting sees the connection end). Nothing is
   * rolled back: the records are in the org, as after a network failure on the way back.
   */
  public void loseResponses(String operation, String sobject, int times, Duration hold) {
    losses.add(new Rule(operation, sobject, LOSE_RESPONSE, hold, new AtomicInteger(times)));
  }

  /**
   * How long to hold the response of a call about to run, when its response is to be lost; empty
   * when it is to be answered.
   */
  public Optional<Duration> takeLostResponse(String operation, String sobject) {
    for (Rule rule : losses) {
      if (rule.matches(operation, sobject)) {
        if (rule.remaining().get() > 0 && rule.remaining().decrementAndGet() == 0) {
          losses.remove(rule);
        }
        return Optional.of(rule.latency());
      }
    }
    return Optional.empty();
  }

  /**
   * Holds a lost response for its time, or until {@link #clear}; counts it first, so a test sees
   * the call committed while its caller still waits.
   */
  public void holdLostResponse(Duration hold) {
    lostResponses.incrementAndGet();
    if (hold.isZero()) {
      return;
    }
    try {
      release.await(hold.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Calls committed whose response was lost (or is being held) so far. */
  public int lostResponses() {
    return lostResponses.get();
  }

  public void clear() {
    rules.clear();
    losses.clear();
    CountDownLatch held = release;
    release = new CountDownLatch(1);
    held.countDown();
  }

  /**
   * Applies matching latency (really sleeping, to exercise client timeouts) and returns the fault
   * to raise.
   */
  public Optional<String> check(String operation, String sobject) {
    String fault = null;
    for (Rule rule : rules) {
      if (!rule.matches(operation, sobject)) {
        continue;
      }
      if (rule.remaining().get() > 0) {
        rule.remaining().decrementAndGet();
      }
      if (rule.code() == null) {
        sleep(rule.latency());
      } else if (fault == null) {
        fault = rule.code();
      }
    }
    rules.removeIf(r -> r.remaining().get() == 0);
    return Optional.ofNullable(fault);
  }

  /** The SOAP fault for an injected code, with the platform's text. */
  public static ApiFault toFault(String code) {
    return switch (code) {
      case "INVALID_SESSION_ID" -> ApiFault.invalidSession();
      case "REQUEST_LIMIT_EXCEEDED" -> ApiFault.unexpected(code, "TotalRequests Limit exceeded.");
      case "UNABLE_TO_LOCK_ROW" ->
          ApiFault.unexpected(
              code, "unable to obtain exclusive access to this record or 1 records");
      case "SERVER_UNAVAILABLE" ->
          ApiFault.unexpected(code, "Server temporarily unavailable, please try again later");
      default -> ApiFault.unexpected(code, "Injected fault " + code);
    };
  }

  private static void sleep(Duration latency) {
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
