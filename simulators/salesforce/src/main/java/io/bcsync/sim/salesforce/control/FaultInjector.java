package io.bcsync.sim.salesforce.control;

import io.bcsync.sim.salesforce.fault.ApiFault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults and latency injected into SOAP calls on request. A rule matches an operation ("*" = any)
 * and optionally an sObject type, and fires a number of times (or forever with times = -1).
 */
public final class FaultInjector {
  /** Pseudo fault code: answer with an HTML 503 page, like a Salesforce maintenance window. */
  public static final String HTTP_503 = "HTTP_503";

  private final List<Rule> rules = new CopyOnWriteArrayList<>();

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
    rules.add(new Rule(operation, sobject, code, Duration.ZERO, new AtomicInteger(times)));
  }

  public void addLatency(String operation, Duration latency, int times) {
    rules.add(new Rule(operation, null, null, latency, new AtomicInteger(times)));
  }

  public void clear() {
    rules.clear();
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
