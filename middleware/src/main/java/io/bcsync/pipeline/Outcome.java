package io.bcsync.pipeline;

/** How processing one work item ended. */
public sealed interface Outcome {
  Outcome SUCCESS = new Success();

  static Outcome retry(String error) {
    return new Failure(error, false);
  }

  static Outcome permanent(String error) {
    return new Failure(error, true);
  }

  record Success() implements Outcome {}

  /**
   * @param permanent true for failures that no retry can fix (validation, mapping): dead-lettered
   *     at once
   */
  record Failure(String error, boolean permanent) implements Outcome {}
}
