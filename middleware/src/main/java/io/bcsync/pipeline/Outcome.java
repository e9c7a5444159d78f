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

  /** Nothing was done, on purpose, for this reason: the item ends SKIPPED and is counted. */
  static Outcome skipped(String reason) {
    return new Skipped(reason);
  }

  /**
   * The item could not even be attempted yet because something it needs is busy elsewhere (another
   * worker is writing the same customer): it goes back to the queue for a short while, and the
   * attempt the claim counted is given back, so waiting never uses up the item's retries.
   */
  static Outcome deferred(String reason) {
    return new Deferred(reason);
  }

  record Success() implements Outcome {}

  /**
   * @param permanent true for failures that no retry can fix (validation, mapping): dead-lettered
   *     at once
   */
  record Failure(String error, boolean permanent) implements Outcome {}

  /**
   * The item needs no work, or has no flow that could do it yet (a kind no flow handles, a store
   * connected for webhooks only). Not a failure, and not a silent success either: the item ends
   * {@link WorkItemStatus#SKIPPED} with the reason, where operators can see and count it.
   */
  record Skipped(String reason) implements Outcome {}

  /** See {@link #deferred(String)}. */
  record Deferred(String reason) implements Outcome {}
}
