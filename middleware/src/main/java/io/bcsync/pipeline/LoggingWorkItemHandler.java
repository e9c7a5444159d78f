package io.bcsync.pipeline;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processing step until a Salesforce writer is configured: records that the entity would be
 * synced and succeeds. Any other {@link WorkItemHandler} bean replaces it.
 */
@Singleton
@Secondary
public class LoggingWorkItemHandler implements WorkItemHandler {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingWorkItemHandler.class);

  @Override
  public Map<Long, Outcome> handle(List<WorkItem> batch) {
    Map<Long, Outcome> outcomes = new HashMap<>();
    for (WorkItem item : batch) {
      LOG.info(
          "No sync handler configured; work item {} for {} (scopes {}) marked done",
          item.id(),
          item.entity(),
          item.scopes());
      outcomes.put(item.id(), Outcome.SUCCESS);
    }
    return outcomes;
  }
}
