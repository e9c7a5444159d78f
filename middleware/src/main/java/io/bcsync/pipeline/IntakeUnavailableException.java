package io.bcsync.pipeline;

import java.time.Duration;

/**
 * Intake could not confirm the callback in time: its queue is full, or its commit did not finish
 * within {@code intake-timeout}. It was not acknowledged, so the sender must retry; if the commit
 * still finishes later, the redelivery is recognised as a duplicate.
 */
public class IntakeUnavailableException extends RuntimeException {
  private final String reason;

  private IntakeUnavailableException(String reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public static IntakeUnavailableException queueFull(int capacity) {
    return new IntakeUnavailableException(
        "queue_full", capacity + " callbacks are already waiting to be stored; retry later");
  }

  public static IntakeUnavailableException timedOut(Duration timeout) {
    return new IntakeUnavailableException(
        "timed_out", "the callback could not be stored within " + timeout + "; retry later");
  }

  /** {@code queue_full} or {@code timed_out}, for logs and metrics. */
  public String reason() {
    return reason;
  }
}
