package io.bcsync.testsupport;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemHandler;
import io.bcsync.sync.routing.WorkRouter;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A handler whose behaviour each test scripts, recording every batch it saw. */
@Singleton
@Replaces(WorkRouter.class)
@Requires(property = "test.scripted-handler", value = "true")
public class ScriptedHandler implements WorkItemHandler {
  public interface Script {
    Map<Long, Outcome> handle(List<WorkItem> batch) throws Exception;
  }

  private final List<List<WorkItem>> batches = new CopyOnWriteArrayList<>();
  private volatile Script script = ScriptedHandler::allSucceed;

  public static Map<Long, Outcome> allSucceed(List<WorkItem> batch) {
    Map<Long, Outcome> outcomes = new HashMap<>();
    batch.forEach(item -> outcomes.put(item.id(), Outcome.SUCCESS));
    return outcomes;
  }

  /** A script that answers each item of a batch on its own. */
  public static Script eachItem(Function<WorkItem, Outcome> outcome) {
    return batch -> {
      Map<Long, Outcome> outcomes = new HashMap<>();
      batch.forEach(item -> outcomes.put(item.id(), outcome.apply(item)));
      return outcomes;
    };
  }

  public void script(Script script) {
    this.script = script;
  }

  public void reset() {
    batches.clear();
    script = ScriptedHandler::allSucceed;
  }

  public List<List<WorkItem>> batches() {
    return batches;
  }

  public List<WorkItem> items() {
    return batches.stream().flatMap(List::stream).toList();
  }

  @Override
  public Map<Long, Outcome> handle(List<WorkItem> batch) throws Exception {
    batches.add(batch);
    return script.handle(batch);
  }
}
