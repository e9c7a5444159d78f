package io.bcsync.pipeline;

/**
 * Lifecycle of a work item. DONE, SKIPPED and SUPERSEDED are final: the history retention deletes
 * them once they are older than {@code bcsync.pipeline.history-retention} ({@link
 * QueueRetention#deleteFinishedBefore}). DEAD is kept whatever its age, until it is replayed and
 * ends.
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
