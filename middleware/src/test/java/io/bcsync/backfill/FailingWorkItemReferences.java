package io.bcsync.backfill;

import io.bcsync.pipeline.WorkItemReferences;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Set;

/**
 * A reference owner whose {@code release} fails while armed: the retention's transaction then ends
 * without committing, as when the process dies between deleting a chunk's rows and its commit.
 */
@Singleton
@Requires(property = "test.failing-work-item-references", value = "true")
class FailingWorkItemReferences implements WorkItemReferences {
  private volatile boolean armed;

  void arm(boolean armed) {
    this.armed = armed;
  }

  @Override
  public Set<Long> stillNeeded(Collection<FinishedItem> items) {
    return Set.of();
  }

  @Override
  public void release(Collection<FinishedItem> items) {
    if (armed) {
      throw new IllegalStateException("injected: the process stops before the commit");
    }
  }
}
