package io.bcsync.pipeline;

/** What became of a callback handed to {@link EventIntake}. */
public sealed interface IntakeResult {
  /** Stored as a new event that joined (or opened) work item {@code workItemId}. */
  record Accepted(long eventId, long workItemId) implements IntakeResult {}

  /** Recognised as a repeat of an earlier delivery; nothing was stored. */
  record Duplicate(String reason) implements IntakeResult {}
}
