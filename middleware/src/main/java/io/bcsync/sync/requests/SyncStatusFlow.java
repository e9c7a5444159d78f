package io.bcsync.sync.requests;

import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import io.bcsync.sync.routing.Flow;
import io.bcsync.sync.routing.Origin;
import io.bcsync.sync.routing.WorkKind;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes the {@code BC_Sync_Status__e} answers owed to sync requests, batched (one create call
 * per 200 events through the Salesforce port). A failed publish is retried like any work item.
 *
 * <p>A publish that reached Salesforce but whose acknowledgement was lost is published again on the
 * retry: Salesforce has no idempotent publish, so subscribers may see one status twice and should
 * key on the correlation id and status.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class SyncStatusFlow implements Flow {
  private final SyncRequests requests;
  private final SalesforceRecords salesforce;

  public SyncStatusFlow(SyncRequests requests, SalesforceRecords salesforce) {
    this.requests = requests;
    this.salesforce = salesforce;
  }

  @Override
  public String name() {
    return "sync-status";
  }

  @Override
  public boolean handles(WorkKind kind) {
    return kind.is(Origin.SALESFORCE, SyncStatusEvent.OBJECT);
  }

  @Override
  public Map<Long, Outcome> run(List<WorkItem> items) {
    Map<Long, WorkItem> itemOfRow = new LinkedHashMap<>();
    Map<Long, Outcome> outcomes = new HashMap<>();
    for (WorkItem item : items) {
      if (item.entity().id().matches("\\d{1,18}")) {
        itemOfRow.put(Long.parseLong(item.entity().id()), item);
      } else {
        outcomes.put(item.id(), Outcome.skipped("not a sync request id"));
      }
    }
    Map<Long, SyncRequestRow> rows = new HashMap<>();
    requests.byIds(itemOfRow.keySet()).forEach(row -> rows.put(row.id(), row));
    Map<RecordWrite, SyncRequestRow> owed = new LinkedHashMap<>();
    itemOfRow.forEach(
        (rowId, item) -> {
          SyncRequestRow row = rows.get(rowId);
          if (row == null) {
            outcomes.put(item.id(), Outcome.skipped("sync request " + rowId + " does not exist"));
          } else if (!row.owesStatus()) {
            outcomes.put(item.id(), Outcome.SUCCESS); // answered already
          } else {
            owed.put(
                RecordWrite.create(
                    item.id(), SyncStatusEvent.OBJECT, SyncStatusEvent.fieldsOf(row)),
                row);
          }
        });
    if (owed.isEmpty()) {
      return outcomes;
    }
    WriteReport report = salesforce.write(List.copyOf(owed.keySet()));
    Map<Long, String> published = new HashMap<>();
    report
        .outcomes()
        .forEach(
            (itemId, outcome) -> {
              outcomes.put(itemId, outcome);
              if (outcome instanceof Outcome.Success) {
                owed.entrySet().stream()
                    .filter(e -> e.getKey().workItemId() == itemId)
                    .findFirst()
                    .ifPresent(e -> published.put(e.getValue().id(), e.getValue().status()));
              }
            });
    requests.markPublished(published);
    return outcomes;
  }
}
