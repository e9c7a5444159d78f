package io.bcsync.sync.orders;

import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines Salesforce already has although the identity map does not know them: their write went
 * through but its response was lost, or the worker stopped before saving their identity rows. The
 * planner takes them for new and sends the fields Salesforce takes only on insert (the line's
 * parent and price book entry), which Salesforce refuses on the upsert that now matches the
 * existing line (INVALID_FIELD_FOR_INSERT_UPDATE, ../shared/reference/salesforce.md G). Those lines
 * are sent once more without these fields, in batched calls, and their results replace the refused
 * ones.
 */
final class LinesWrittenBefore {
  private static final String REFUSED = "INVALID_FIELD_FOR_INSERT_UPDATE";

  private LinesWrittenBefore() {}

  static WriteReport resend(
      SalesforceRecords salesforce, OrderObjects objects, WriteReport report) {
    List<RecordWrite> refused = new ArrayList<>();
    List<RecordWrite> again = new ArrayList<>();
    for (RecordResult result : report.results()) {
      if (refusedAsNew(objects, result)) {
        Map<String, Object> fields = new LinkedHashMap<>(result.write().fields());
        fields.remove(objects.parentRelationship());
        fields.remove("PricebookEntryId");
        refused.add(result.write());
        again.add(
            RecordWrite.upsert(
                result.write().workItemId(), objects.line(), objects.lineKey(), fields));
      }
    }
    if (again.isEmpty()) {
      return report;
    }
    WriteReport resent = salesforce.write(again);
    Map<RecordWrite, RecordResult> replaced = new IdentityHashMap<>();
    for (int i = 0; i < refused.size(); i++) {
      RecordResult r = resent.results().get(i);
      replaced.put(
          refused.get(i), new RecordResult(refused.get(i), r.success(), r.id(), false, r.errors()));
    }
    return new WriteReport(
        report.results().stream().map(r -> replaced.getOrDefault(r.write(), r)).toList(),
        report.calls() + resent.calls());
  }

  private static boolean refusedAsNew(OrderObjects objects, RecordResult result) {
    return !result.success()
        && objects.linesUpsert()
        && result.write().sobjectType().equals(objects.line())
        && result.write().fields().containsKey(objects.parentRelationship())
        && result.errors().stream().anyMatch(e -> REFUSED.equals(e.statusCode()));
  }
}
