package io.bcsync.console;

import io.bcsync.pipeline.FailureLog;
import io.bcsync.pipeline.FailureLog.FailedAttempt;
import io.bcsync.pipeline.QueueActivity;
import io.bcsync.pipeline.QueueActivity.DeadLetterFilter;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.QueueInspector.StoredEvent;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkQueue;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The failed-records page's content: dead letters a filter matches, each with the BigCommerce
 * callback that opened it and the Salesforce request and response that failed, and the records just
 * replayed with what became of them (status and the attempts made since). Reads the same queries as
 * {@code GET /admin/dead-letters} and {@code /admin/events}.
 */
@Singleton
public class FailedRecords {
  static final int PAGE_SIZE = 100;
  static final int MAX_PAYLOAD_CHARS = 4000;

  private final QueueActivity activity;
  private final QueueInspector inspector;
  private final WorkQueue queue;
  private final FailureLog failures;

  public FailedRecords(
      QueueActivity activity, QueueInspector inspector, WorkQueue queue, FailureLog failures) {
    this.activity = activity;
    this.inspector = inspector;
    this.queue = queue;
    this.failures = failures;
  }

  /**
   * The filter's dead letters, newest first, {@link #PAGE_SIZE} a page: the newest, or those older
   * than the item {@code before} (keyset paging, as {@code GET /admin/dead-letters?before=}).
   */
  public FailedPage page(DeadLetterFilter filter, Optional<Long> before, List<Long> replayed) {
    List<Row> rows = new ArrayList<>();
    List<WorkItem> dead = activity.deadLetters(filter, before, PAGE_SIZE);
    Map<Long, FailedAttempt> lastCalls = new HashMap<>();
    for (FailedAttempt attempt : failures.attempts(dead.stream().map(WorkItem::id).toList())) {
      if (attempt.request() != null || attempt.response() != null) {
        lastCalls.put(attempt.workItemId(), attempt); // oldest first: the latest one stays
      }
    }
    for (WorkItem item : dead) {
      rows.add(new Row(item, payload(item.id()), lastCalls.get(item.id())));
    }
    List<WorkItem> replayedNow = new ArrayList<>();
    for (Long id : replayed) {
      queue.find(id).ifPresent(replayedNow::add);
    }
    List<FailedAttempt> attempts =
        failures.attempts(replayedNow.stream().map(WorkItem::id).toList());
    List<AfterReplay> after = new ArrayList<>();
    for (WorkItem item : replayedNow) {
      // The attempts of this round: made after the latest replay (their replay_round says so).
      after.add(
          new AfterReplay(
              item,
              attempts.stream()
                  .filter(a -> a.workItemId() == item.id())
                  .filter(a -> a.replayRound() == item.replayCount())
                  .toList()));
    }
    return new FailedPage(
        filter.store().orElse(""),
        filter.kind().orElse(""),
        filter.errorContains().orElse(""),
        activity.deadLetterValues("store_hash"),
        activity.deadLetterValues("entity_type"),
        rows,
        before.isPresent() ? href(filter, Optional.empty(), List.of()) : null,
        rows.size() == PAGE_SIZE
            ? href(filter, Optional.of(dead.get(dead.size() - 1).id()), List.of())
            : null,
        after);
  }

  /**
   * The failed-records page for {@code filter}, from the newest or from just below {@code before},
   * listing the {@code replayed} records as they are now (after a replay).
   */
  static String href(DeadLetterFilter filter, Optional<Long> before, List<Long> replayed) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    if (!replayed.isEmpty()) {
      query.add(
          "replayed=" + replayed.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
    filter.store().ifPresent(store -> query.add("store=" + encode(store)));
    filter.kind().ifPresent(kind -> query.add("kind=" + encode(kind)));
    filter.errorContains().ifPresent(text -> query.add("error=" + encode(text)));
    before.ifPresent(id -> query.add("before=" + id));
    return "/failed" + query;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
   * @param newestHref the page of the newest, when this page starts further back; else null
   * @param olderHref the next page, of older dead letters, when there may be one; else null
   * @param afterReplay the records just replayed, as they are now
   */
  public record FailedPage(
      String store,
      String kind,
      String error,
      List<String> stores,
      List<String> kinds,
      List<Row> rows,
      String newestHref,
      String olderHref,
      List<AfterReplay> afterReplay) {
    /** Whether more dead letters match than the page shows (a full page: there may be). */
    public boolean more() {
      return olderHref != null;
    }
  }

  /**
   * @param salesforceCall the latest failed attempt that carried the external call's request and
   *     response (null when no attempt failed on a call: a mapping error, an unreachable org)
   */
  public record Row(WorkItem item, String payload, FailedAttempt salesforceCall) {}

  /**
   * A replayed record as it is now.
   *
   * @param attemptsSinceReplay its failed attempts since the replay (none while it waits or once it
   *     succeeded first time)
   */
  public record AfterReplay(WorkItem item, List<FailedAttempt> attemptsSinceReplay) {}
}
