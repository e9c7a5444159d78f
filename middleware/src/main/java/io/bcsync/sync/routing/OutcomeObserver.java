package io.bcsync.sync.routing;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import java.util.List;
import java.util.Map;

/**
 * Told what became of every routed batch, after all its flows ran and before the pipeline records
 * the outcomes; for follow-ups that depend on the result rather than on the change (answering a
 * Salesforce sync request, later: rules on order outcomes). Throwing fails the batch, which is
 * retried: an observer must not lose what it was told.
 */
public interface OutcomeObserver {
  void observe(List<WorkItem> items, Map<Long, Outcome> outcomes);
}
