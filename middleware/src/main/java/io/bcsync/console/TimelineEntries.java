package io.bcsync.console;

import io.bcsync.console.RecordTimeline.Record;
import io.bcsync.pipeline.FailureLog.FailedAttempt;
import io.bcsync.pipeline.QueueInspector.StoredEvent;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.history.SyncHistory.ChangeEvent;
import io.bcsync.sync.history.SyncHistory.HoldEvent;
import io.bcsync.sync.history.SyncHistory.NoticeEvent;
import io.bcsync.sync.history.SyncHistory.ReviewEvent;
import io.bcsync.sync.history.SyncHistory.RuleFired;
import io.bcsync.sync.history.SyncHistory.Written;
import io.bcsync.sync.history.WriteHistory.CatalogWrite;
import io.bcsync.sync.history.WriteHistory.RuleWritten;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns what {@link RecordTimeline} read into the timeline's entries, each with its instant. */
public final class TimelineEntries {
  static final int MAX_PAYLOAD_CHARS = 4000;

  private final List<Entry> entries = new ArrayList<>();
  private final Map<Long, WorkItem> items = new HashMap<>();

  void item(WorkItem item, List<StoredEvent> events) {
    items.put(item.id(), item);
    String record = label(item);
    for (StoredEvent event : events) {
      entries.add(
          new Entry(
              event.receivedAtMs(),
              Kind.WEBHOOK,
              record,
              "Webhook " + event.scope() + " received",
              (event.webhookId() == null ? "" : "delivery " + event.webhookId() + "; ")
                  + "joined work item "
                  + item.id(),
              item.id(),
              List.of(new Block("Payload", shortened(event.rawBody())))));
    }
    entries.add(
        new Entry(
            item.createdAtMs(),
            Kind.WORK_ITEM,
            record,
            "Work item " + item.id() + " queued",
            item.eventCount()
                + " event(s)"
                + (item.replayCount() == 0 ? "" : "; replayed " + item.replayCount() + " time(s)"),
            item.id(),
            List.of()));
    switch (item.status()) {
      case DONE -> at(item.completedAtMs(), item, Kind.OUTCOME, "Synced (DONE)", attempts(item));
      case SKIPPED -> at(item.completedAtMs(), item, Kind.OUTCOME, "Skipped", item.lastError());
      case DEAD ->
          at(
              item.deadLetteredAtMs(),
              item,
              Kind.OUTCOME,
              "Dead-lettered (DEAD)",
              attempts(item) + ": " + item.lastError());
      case SUPERSEDED ->
          at(
              item.updatedAtMs(),
              item,
              Kind.OUTCOME,
              "Superseded",
              "covered by work item " + item.supersededBy());
      case PENDING, IN_PROGRESS ->
          at(
              item.updatedAtMs(),
              item,
              Kind.OUTCOME,
              item.status() == io.bcsync.pipeline.WorkItemStatus.PENDING
                  ? "Waiting (PENDING), next attempt " + ConsoleFormat.time(item.nextAttemptAtMs())
                  : "Running (IN_PROGRESS)",
              item.lastError() == null ? attempts(item) : "last error: " + item.lastError());
      default -> {}
    }
  }

  void failures(List<FailedAttempt> attempts) {
    for (FailedAttempt attempt : attempts) {
      WorkItem item = items.get(attempt.workItemId());
      List<Block> blocks = new ArrayList<>();
      String system = attempt.system() == null ? "" : capitalised(attempt.system()) + " ";
      if (attempt.request() != null) {
        blocks.add(new Block(system + "request", attempt.request()));
      }
      if (attempt.response() != null) {
        blocks.add(new Block(system + "response", attempt.response()));
      }
      entries.add(
          new Entry(
              attempt.failedAtMs(),
              Kind.ATTEMPT_FAILED,
              item == null ? "work item " + attempt.workItemId() : label(item),
              "Attempt "
                  + attempt.attempt()
                  + (attempt.replayRound() == 0 ? "" : " after replay " + attempt.replayRound())
                  + " failed"
                  + ("DEAD".equals(attempt.outcome()) ? ", dead-lettered" : ", will be retried"),
              attempt.error(),
              attempt.workItemId(),
              blocks));
    }
  }

  void written(Record record, Written w) {
    entries.add(
        new Entry(
            w.writtenAtMs(),
            Kind.WRITTEN,
            record.label(),
            "Written to Salesforce " + w.sfObject() + " " + w.sfId(),
            w.matchedBy() == null ? "" : "matching rule: " + w.matchedBy(),
            null,
            List.of()));
  }

  void lines(Record record, List<Written> lines) {
    if (lines.isEmpty()) {
      return;
    }
    long last = lines.stream().mapToLong(Written::writtenAtMs).max().getAsLong();
    entries.add(
        new Entry(
            last,
            Kind.WRITTEN,
            record.label(),
            lines.size() + " order line(s) written to Salesforce",
            String.join(", ", lines.stream().map(l -> l.sfObject() + " " + l.sfId()).toList()),
            null,
            List.of()));
  }

  void rules(Record record, List<RuleFired> fired) {
    for (RuleFired rule : fired) {
      entries.add(
          new Entry(
              rule.firedAtMs(),
              Kind.RULE,
              record.label(),
              "Order rule " + rule.rule() + " fired",
              "occurrence " + rule.occurrence(),
              null,
              List.of()));
    }
  }

  void notice(Record record, NoticeEvent notice) {
    String what = notice.channel() + " notice of rule " + notice.rule();
    entries.add(
        new Entry(
            notice.createdAtMs(),
            Kind.NOTICE,
            record.label(),
            capitalised(what) + " owed",
            "notice " + notice.key(),
            null,
            List.of()));
    if (notice.sentAtMs() != null) {
      entries.add(
          new Entry(
              notice.sentAtMs(),
              Kind.NOTICE,
              record.label(),
              capitalised(what) + " sent",
              "notice " + notice.key(),
              null,
              List.of()));
    }
  }

  void reviews(Record record, List<ReviewEvent> reviews) {
    for (ReviewEvent review : reviews) {
      entries.add(
          new Entry(
              review.createdAtMs(),
              Kind.REVIEW,
              record.label(),
              "Sent to review " + review.id(),
              review.reason()
                  + (review.matchedBy() == null ? "" : " (matched by " + review.matchedBy() + ")"),
              null,
              List.of()));
      if (review.resolvedAtMs() != null) {
        entries.add(
            new Entry(
                review.resolvedAtMs(),
                Kind.REVIEW,
                record.label(),
                "Review " + review.id() + " resolved",
                "link".equals(review.resolution())
                    ? "linked to Contact " + review.resolvedContactId()
                    : "a new record is created",
                null,
                List.of()));
      }
    }
  }

  /** What the order's rules wrote: each Case, campaign membership and Opportunity. */
  void ruleWrites(Record record, List<RuleWritten> writes) {
    for (RuleWritten w : writes) {
      entries.add(
          new Entry(
              w.writtenAtMs(),
              Kind.RULE,
              record.label(),
              "Order rule " + w.rule() + " wrote " + w.target(),
              w.salesforceId() == null
                  ? "Salesforce id not known (the write's answer carried none)"
                  : "Salesforce id " + w.salesforceId(),
              null,
              List.of()));
    }
  }

  /** The values the reverse sync last wrote to the product's variants (the latest per field). */
  void catalogWrites(Record record, List<CatalogWrite> writes) {
    for (CatalogWrite w : writes) {
      entries.add(
          new Entry(
              w.writtenAtMs(),
              Kind.WRITTEN,
              record.label(),
              "Written to BigCommerce: " + w.field() + " of variant " + w.variantId(),
              "by the Salesforce → BigCommerce sync (the latest write of this field)",
              null,
              List.of()));
    }
  }

  /** Reviews that held the record until a person decided on its buyer, and their decisions. */
  void holds(Record record, List<HoldEvent> holds) {
    for (HoldEvent hold : holds) {
      entries.add(
          new Entry(
              hold.reviewOpenedAtMs(),
              Kind.REVIEW,
              record.label(),
              "Held by review " + hold.reviewId(),
              "waiting for a decision on " + hold.customer() + " (dated by the review's opening)",
              null,
              List.of()));
      if (hold.resolvedAtMs() != null) {
        entries.add(
            new Entry(
                hold.resolvedAtMs(),
                Kind.REVIEW,
                record.label(),
                "Released by review " + hold.reviewId(),
                ("link".equals(hold.resolution())
                        ? "linked to Contact " + hold.resolvedContactId()
                        : "a new record is created")
                    + "; queued again to follow the decision",
                null,
                List.of()));
      }
    }
  }

  void change(ChangeEvent change) {
    entries.add(
        new Entry(
            change.recordedAtMs(),
            Kind.CHANGE_EVENT,
            change.sobject() + " " + change.recordId(),
            "Salesforce change " + change.changeTypes() + " received",
            change.eventCount()
                + " event(s)"
                + (change.changedFields() == null ? "" : "; fields " + change.changedFields())
                + "; work item "
                + change.workItemId(),
            change.workItemId(),
            List.of()));
  }

  /** Oldest first; at the same instant in the order things happen (event, item, attempt, write). */
  List<Entry> sorted() {
    return entries.stream()
        .sorted(Comparator.comparingLong(Entry::atMs).thenComparing(Entry::kind))
        .toList();
  }

  private void at(Long atMs, WorkItem item, Kind kind, String title, String detail) {
    entries.add(
        new Entry(
            atMs == null ? item.updatedAtMs() : atMs,
            kind,
            label(item),
            title,
            detail,
            item.id(),
            List.of()));
  }

  private static String attempts(WorkItem item) {
    return item.attempts() + " attempt(s)";
  }

  private static String label(WorkItem item) {
    return item.entity().storeHash() + " " + item.entity().type() + " " + item.entity().id();
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  static String shortened(String body) {
    if (body == null) {
      return "";
    }
    return body.length() > MAX_PAYLOAD_CHARS
        ? body.substring(0, MAX_PAYLOAD_CHARS) + " …(shortened)"
        : body;
  }

  /** In the order entries at the same instant are shown. */
  public enum Kind {
    WEBHOOK,
    CHANGE_EVENT,
    WORK_ITEM,
    ATTEMPT_FAILED,
    REVIEW,
    WRITTEN,
    RULE,
    NOTICE,
    OUTCOME;

    public String cssClass() {
      return name().toLowerCase().replace('_', '-');
    }
  }

  /** A labelled text shown folded under an entry (a payload, a request, a response). */
  public record Block(String label, String text) {}

  /**
   * @param record which record the entry is about, e.g. "demo123 order 250"
   * @param workItemId the work item the entry belongs to, if any
   */
  public record Entry(
      long atMs,
      Kind kind,
      String record,
      String title,
      String detail,
      Long workItemId,
      List<Block> blocks) {}
}
