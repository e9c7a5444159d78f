package io.bcsync.sync.catalog;

import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.catalog.CatalogTargets.Target;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Turns the per-variant results of a store write back into each work item's outcome. */
final class WriteOutcomes {
  private WriteOutcomes() {}

  /**
   * DONE when every target of the item was written; otherwise the first failure, retried unless
   * every failure is permanent (a retry rewrites the targets already written, to the same value).
   */
  static Outcome of(List<Target> targets, Map<Target, WriteFailure> failed) {
    WriteFailure first = null;
    boolean retryable = false;
    for (Target target : targets) {
      WriteFailure failure = failed.get(target);
      if (failure != null) {
        first = first == null ? failure : first;
        retryable |= failure.retryable();
      }
    }
    if (first == null) {
      return Outcome.SUCCESS;
    }
    return retryable ? Outcome.retry(first.message()) : Outcome.permanent(first.message());
  }

  /** A Salesforce number field as text, or null when it is empty or not a number. */
  static BigDecimal decimal(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      return null; // the caller dead-letters the record with its own reason
    }
  }
}
