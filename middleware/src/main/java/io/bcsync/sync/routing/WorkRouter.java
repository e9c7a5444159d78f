package io.bcsync.sync.routing;

import io.bcsync.pipeline.FailureClassifier;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemHandler;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <b>Where every work item goes.</b> The pipeline hands each claimed batch here; the router splits
 * it by {@link WorkKind} and gives each {@link Flow} its share. An item no flow handles is SKIPPED
 * with that reason and counted ({@code bcsync_sync_unrouted_total}) — never dead-lettered by
 * accident, never a silent success. One flow's failure never fails another flow's items.
 */
@Singleton
public class WorkRouter implements WorkItemHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WorkRouter.class);

  private final List<Flow> flows;
  private final FailureClassifier classifier;
  private final RoutingMetrics metrics;
  private final List<OutcomeObserver> observers;

  public WorkRouter(
      List<Flow> flows,
      FailureClassifier classifier,
      RoutingMetrics metrics,
      List<OutcomeObserver> observers) {
    this.flows = List.copyOf(flows);
    this.classifier = classifier;
    this.metrics = metrics;
    this.observers = List.copyOf(observers);
  }

  @Override
  public Map<Long, Outcome> handle(List<WorkItem> batch) {
    Map<Long, Outcome> outcomes = new HashMap<>();
    Map<Flow, List<WorkItem>> byFlow = new LinkedHashMap<>();
    for (WorkItem item : batch) {
      WorkKind kind = WorkKind.of(item);
      Optional<Flow> flow = flowFor(kind);
      if (flow.isEmpty()) {
        metrics.unrouted(kind);
        outcomes.put(item.id(), Outcome.skipped("no flow handles " + kind + " items yet"));
      } else {
        byFlow.computeIfAbsent(flow.get(), f -> new ArrayList<>()).add(item);
      }
    }
    byFlow.forEach((flow, items) -> outcomes.putAll(runFlow(flow, items)));
    observers.forEach(observer -> observer.observe(batch, outcomes));
    return outcomes;
  }

  /** The first flow that handles the kind; beans are ordered, so an override can come first. */
  Optional<Flow> flowFor(WorkKind kind) {
    return flows.stream().filter(flow -> flow.handles(kind)).findFirst();
  }

  private Map<Long, Outcome> runFlow(Flow flow, List<WorkItem> items) {
    Map<Long, Outcome> answered;
    try {
      answered = flow.run(items);
    } catch (Exception e) {
      Outcome.Failure failure = classifier.classify(e);
      LOG.warn("Flow {} failed for {} items ({})", flow.name(), items.size(), failure.error(), e);
      Map<Long, Outcome> failed = new HashMap<>();
      items.forEach(item -> failed.put(item.id(), failure));
      answered = failed;
    }
    Map<Long, Outcome> outcomes = new HashMap<>();
    for (WorkItem item : items) {
      Outcome outcome = answered.get(item.id());
      if (outcome == null) {
        outcome = Outcome.retry("flow " + flow.name() + " returned no outcome for this item");
      }
      metrics.outcome(flow.name(), outcome);
      outcomes.put(item.id(), outcome);
    }
    return outcomes;
  }
}
