package io.bcsync.pipeline;

import java.util.Collection;
import java.util.Set;

/**
 * Another package's rows that point at work items, such as a backfill's links to the items it
 * enqueued. The history retention ({@link QueueRetention#deleteFinishedBefore}) consults every
 * implementation inside the transaction that deletes a chunk of finished items, so a reference is
 * kept or let go together with the items: a crash between the two cannot leave either half.
 *
 * <p>Implementations run their SQL in the caller's transaction (repository calls inside {@code
 * Db.write} join it) and must not open one of their own.
 */
public interface WorkItemReferences {

  /** A finished work item the retention is about to delete. */
  record FinishedItem(long id, String entityType, WorkItemStatus status) {}

  /** Of {@code items}, the ids that must stay for now; the retention keeps and revisits them. */
  Set<Long> stillNeeded(Collection<FinishedItem> items);

  /** Lets go of every reference to {@code items}, which are deleted right after. */
  void release(Collection<FinishedItem> items);
}
