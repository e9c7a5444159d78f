package io.bcsync.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What end-to-end sync tests ask of the simulated org and the queue: records by field value (text
 * compared without case, as SOQL does), waiting for one to appear, and waiting until the pipeline
 * has nothing left to do.
 */
public final class SyncedRecords {
  private final SalesforceSimulator sf;
  private final QueueInspector inspector;
  private final Duration wait;

  public SyncedRecords(SalesforceSimulator sf, QueueInspector inspector, Duration wait) {
    this.sf = sf;
    this.inspector = inspector;
    this.wait = wait;
  }

  public List<Map<String, Object>> where(String type, String field, Object value) {
    return sf.records(type).stream()
        .filter(
            r ->
                value instanceof String text
                    ? text.equalsIgnoreCase(Objects.toString(r.get(field), null))
                    : Objects.equals(value, r.get(field)))
        .toList();
  }

  public Map<String, Object> one(String type, String field, Object value) {
    return where(type, field, value).stream()
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " with " + field + " = " + value));
  }

  /** Until exactly one such record exists; then it. */
  public Map<String, Object> awaitOne(String type, String field, Object value) {
    await()
        .atMost(wait)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> where(type, field, value).size() == 1);
    return where(type, field, value).get(0);
  }

  /**
   * Until no work item is pending, in progress or waiting for a retry (each ended DONE, SKIPPED or
   * DEAD); and none was dead-lettered.
   */
  public void awaitDone() {
    await()
        .atMost(wait)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              List<WorkItem> items = inspector.workItems(Optional.empty(), Optional.empty(), 500);
              return items.stream()
                  .allMatch(
                      i ->
                          i.status() == WorkItemStatus.DONE
                              || i.status() == WorkItemStatus.SKIPPED
                              || i.status() == WorkItemStatus.DEAD);
            });
    assertThat(inspector.workItems(Optional.of(WorkItemStatus.DEAD), Optional.empty(), 50))
        .as("nothing dead-lettered")
        .isEmpty();
  }
}
