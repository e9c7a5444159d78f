package io.bcsync.pipeline;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/**
 * Decides whether an exception thrown by a handler is worth retrying. Unknown exceptions are
 * treated as retryable: retries are bounded by {@code max-attempts}, after which the item is
 * dead-lettered and kept, whereas a wrong "permanent" verdict would dead-letter a transient glitch
 * at once.
 */
@Singleton
public class FailureClassifier {

  public Outcome.Failure classify(Throwable error) {
    String message = describe(error);
    Outcome.Evidence evidence = evidenceOf(error);
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof PermanentFailureException) {
        return new Outcome.Failure(message, true, evidence);
      }
      if (cause instanceof RetryableFailureException
          || cause instanceof IOException
          || cause instanceof TimeoutException
          || cause instanceof SQLException) {
        return new Outcome.Failure(message, false, evidence);
      }
    }
    if (error instanceof IllegalArgumentException
        || error instanceof UnsupportedOperationException) {
      return new Outcome.Failure(message, true, evidence);
    }
    return new Outcome.Failure(message, false, evidence);
  }

  /** The request and answer of the first external call in the chain that described them. */
  static Outcome.Evidence evidenceOf(Throwable error) {
    int depth = 0;
    for (Throwable cause = error; cause != null && depth < 20; cause = cause.getCause(), depth++) {
      if (cause instanceof FailedCall call && call.evidence() != null) {
        return call.evidence();
      }
    }
    return null;
  }

  /** Class and message only: stack traces go to the log, not to operators' dead-letter views. */
  static String describe(Throwable error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
