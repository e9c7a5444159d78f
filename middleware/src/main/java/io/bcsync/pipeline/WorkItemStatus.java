package io.bcsync.pipeline;

/**
 * Lifecycle of a work item. Items are never deleted; DEAD and SUPERSEDED are kept as the
 * dead-letter record.
 */
public enum WorkItemStatus {
  /** Waiting for its next attempt time. */
  PENDING,
  /** Claimed by a worker whose lease has not expired. */
  IN_PROGRESS,
  /** Processed successfully. */
  DONE,
  /**
   * Ended without being processed, on purpose: no flow handles its kind yet, or there was nothing
   * to do. {@code last_error} holds the reason. Never retried; a later event opens a new item.
   */
  SKIPPED,
  /** Dead-lettered: a permanent failure, or retries exhausted. Replay puts it back to PENDING. */
  DEAD,
  /**
   * A dead letter that was replayed while another item for the same entity was open; that item
   * covers it.
   */
  SUPERSEDED
}
