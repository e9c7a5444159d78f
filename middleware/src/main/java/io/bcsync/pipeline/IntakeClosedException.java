package io.bcsync.pipeline;

/** Intake is shutting down: the callback was not stored, so it must not be acknowledged. */
public class IntakeClosedException extends RuntimeException {
  public IntakeClosedException() {
    super("intake is shutting down; nothing was stored", null, false, false);
  }
}
