package io.bcsync.console;

import io.bcsync.pipeline.QueueActivity;
import io.bcsync.pipeline.QueueActivity.DeadLetterFilter;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.QueueInspector.StoredEvent;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkQueue;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The failed-records page's content: dead letters a filter matches, each with the BigCommerce
 * callback that opened it, and the records just replayed with what became of them. Reads the same
 * queries as {@code GET /admin/dead-letters} and {@code /admin/events}.
 */
@Singleton
public class FailedRecords {
  static final int PAGE_SIZE = 100;
  static final int MAX_PAYLOAD_CHARS = 4000;

  private final QueueActivity activity;
  private final QueueInspector inspector;
  private final WorkQueue queue;

  public FailedRecords(QueueActivity activity, QueueInspector inspector, WorkQueue queue) {
    this.activity = activity;
    this.inspector = inspector;
    this.queue = queue;
  }

  public FailedPage page(DeadLetterFilter filter, List<Long> replayed) {
    List<Row> rows = new ArrayList<>();
    for (WorkItem item : activity.deadLetters(filter, Optional.empty(), PAGE_SIZE)) {
      rows.add(new Row(item, payload(item.id())));
    }
    List<WorkItem> after = new ArrayList<>();
    for (Long id : replayed) {
      queue.find(id).ifPresent(after::add);
    }
    return new FailedPage(
        filter.store().orElse(""),
        filter.kind().orElse(""),
        filter.errorContains().orElse(""),
        activity.deadLetterValues("store_hash"),
        activity.deadLetterValues("entity_type"),
        rows,
        rows.size() == PAGE_SIZE,
        after);
  }

  /** The latest callback stored for the item, shortened; empty when it came from elsewhere. */
  private String payload(long workItemId) {
    List<StoredEvent> events =
        inspector.events(Optional.empty(), Optional.of(workItemId), Optional.empty(), 1);
    if (events.isEmpty()) {
      return "";
    }
    String body = events.get(0).rawBody();
    return body.length() > MAX_PAYLOAD_CHARS
        ? body.substring(0, MAX_PAYLOAD_CHARS) + " …(shortened)"
        : body;
  }

  /**
   * @param more whether more dead letters match than the page shows
   * @param afterReplay the records just replayed, as they are now
   */
  public record FailedPage(
      String store,
      String kind,
      String error,
      List<String> stores,
      List<String> kinds,
      List<Row> rows,
      boolean more,
      List<WorkItem> afterReplay) {}

  public record Row(WorkItem item, String payload) {}
}
