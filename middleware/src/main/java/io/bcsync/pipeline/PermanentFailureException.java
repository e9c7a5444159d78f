package io.bcsync.pipeline;

/** Thrown by handlers for failures that retrying cannot fix, such as invalid or unmappable data. */
public class PermanentFailureException extends RuntimeException {
  public PermanentFailureException(String message) {
    super(message);
  }

  public PermanentFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
