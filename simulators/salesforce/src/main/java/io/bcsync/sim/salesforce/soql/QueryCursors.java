package io.bcsync.sim.salesforce.soql;

import io.bcsync.sim.salesforce.fault.ApiFault;
import io.bcsync.sim.salesforce.ids.IdGenerator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side query cursors for queryMore. Locators look like the real ones ("01g...-500": cursor
 * id and offset); the cursor holds a snapshot of the rows, so records changed after the query do
 * not shift later batches.
 */
public final class QueryCursors {
  public static final int DEFAULT_BATCH_SIZE = 500;

  private final Map<String, List<ResultRecord>> cursors = new ConcurrentHashMap<>();
  private final IdGenerator ids;

  public QueryCursors(IdGenerator ids) {
    this.ids = ids;
  }

  /** Clamps the QueryOptions batch size to the documented 200..2000 range. */
  public static int batchSize(Integer requested) {
    if (requested == null) {
      return DEFAULT_BATCH_SIZE;
    }
    return Math.max(200, Math.min(2000, requested));
  }

  public QueryResultPage firstPage(QueryExecutor.Rows rows, int batchSize) {
    if (rows.records().isEmpty() && rows.count() > 0) {
      return new QueryResultPage(List.of(), rows.count(), true, null);
    }
    String cursorId = ids.next("01g");
    cursors.put(cursorId, rows.records());
    return page(cursorId, 0, batchSize);
  }

  public QueryResultPage next(String locator, int batchSize) {
    int dash = locator == null ? -1 : locator.lastIndexOf('-');
    List<ResultRecord> rows = dash < 0 ? null : cursors.get(locator.substring(0, dash));
    if (rows == null) {
      throw ApiFault.of(
          ApiFault.Type.INVALID_QUERY_LOCATOR, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    int offset;
    try {
      offset = Integer.parseInt(locator.substring(dash + 1));
    } catch (NumberFormatException e) {
      throw ApiFault.of(
          ApiFault.Type.INVALID_QUERY_LOCATOR, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    return page(locator.substring(0, dash), offset, batchSize);
  }

  private QueryResultPage page(String cursorId, int offset, int batchSize) {
    List<ResultRecord> rows = cursors.get(cursorId);
    int end = Math.min(rows.size(), offset + batchSize);
    boolean done = end >= rows.size();
    if (done) {
      cursors.remove(cursorId);
    }
    return new QueryResultPage(
        rows.subList(Math.min(offset, rows.size()), end),
        rows.size(),
        done,
        done ? null : cursorId + "-" + end);
  }
}
