package io.bcsync.pipeline;

/**
 * An exception thrown by an external call that can say what it asked and what it was answered, so
 * the failed attempt keeps them ({@code work_item_failure}) even when the failure ended the whole
 * call rather than one record's write. {@link FailureClassifier} takes the first one in the cause
 * chain. The client builds the texts without credentials: never a header, a session id or a token.
 */
public interface FailedCall {
  /** The call and its answer, or null when the client could not describe them. */
  Outcome.Evidence evidence();
}
