package io.bcsync.sync.requests;

import io.bcsync.db.Db;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.FollowUpWork;
import io.bcsync.pipeline.IncomingEvent;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code sync_request} table and the work it owes: a request's resync or push is enqueued, and
 * every status it reaches is owed as a {@code BC_Sync_Status__e} (a work item of {@link
 * SyncStatusFlow}), each in the same transaction as the row that causes it, so a crash cannot leave
 * a request recorded but never answered.
 */
@Singleton
public class SyncRequests {
  static final String STATUS_SCOPE = "bcsync/sync-status";

  private final Db db;
  private final SyncRequestRepository rows;
  private final FollowUpWork followUps;

  public SyncRequests(Db db, SyncRequestRepository rows, FollowUpWork followUps) {
    this.db = db;
    this.rows = rows;
    this.followUps = followUps;
  }

  /** A new request row and the work it starts (a resync or a push), if any. */
  record Accepted(SyncRequestRow row, Optional<IncomingEvent> work) {}

  /** Records new requests, with their work and the statuses they already owe, in one go. */
  void accept(List<Accepted> accepted) {
    if (accepted.isEmpty()) {
      return;
    }
    followUps.recordWith(
        connection -> {
          List<SyncRequestRow> saved = new ArrayList<>();
          accepted.forEach(a -> saved.add(rows.save(a.row())));
          return saved;
        },
        saved -> {
          List<IncomingEvent> events = new ArrayList<>();
          accepted.forEach(a -> a.work().ifPresent(events::add));
          events.addAll(statusEvents(saved));
          return events;
        });
  }

  /** Saves the new statuses of these rows and enqueues the answers they owe. */
  void settle(List<SyncRequestRow> settled) {
    if (settled.isEmpty()) {
      return;
    }
    followUps.recordWith(
        connection -> settled.stream().map(rows::update).toList(), this::statusEvents);
  }

  /**
   * Records rows no request asked for (dead-lettered changes reported as failures) with the status
   * events they owe, in one transaction.
   */
  void report(List<SyncRequestRow> reports) {
    if (reports.isEmpty()) {
      return;
    }
    followUps.recordWith(
        connection -> reports.stream().map(rows::save).toList(), this::statusEvents);
  }

  List<SyncRequestRow> byRequestItems(Collection<Long> requestItemIds) {
    return requestItemIds.isEmpty()
        ? List.of()
        : db.read(() -> rows.findByRequestItemIdIn(requestItemIds));
  }

  /** Requests waiting for the outcome of one of these entities' work items. */
  List<SyncRequestRow> openFor(Collection<String> targetKeys) {
    return targetKeys.isEmpty() ? List.of() : db.read(() -> rows.openFor(targetKeys));
  }

  List<SyncRequestRow> byIds(Collection<Long> ids) {
    return ids.isEmpty() ? List.of() : db.read(() -> rows.findByIdIn(ids));
  }

  /** Records which status of each row was published. */
  void markPublished(Map<Long, String> publishedById) {
    if (!publishedById.isEmpty()) {
      db.write(
          () -> {
            publishedById.forEach(rows::markPublished);
            return null;
          });
    }
  }

  /** Deletes requests answered before {@code beforeMs}; answers how many. */
  public int deleteAnsweredBefore(long beforeMs) {
    return db.write(() -> rows.deleteAnsweredBefore(beforeMs));
  }

  public List<SyncRequestRow> newest(Optional<Long> beforeId, int limit) {
    return db.read(() -> rows.newest(beforeId.orElse(Long.MAX_VALUE), limit));
  }

  private List<IncomingEvent> statusEvents(List<SyncRequestRow> saved) {
    return saved.stream()
        .filter(SyncRequestRow::owesStatus)
        .map(
            row ->
                FollowUpWork.event(
                    EntityRef.salesforce(
                        row.orgId(), SyncStatusEvent.OBJECT, String.valueOf(row.id())),
                    STATUS_SCOPE,
                    "{}"))
        .toList();
  }
}
