package io.bcsync.salesforce.streaming;

import io.bcsync.db.Db;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.IncomingEvent;
import io.bcsync.pipeline.WorkSignal;
import io.bcsync.salesforce.soap.SalesforceQueries;
import io.bcsync.salesforce.soap.SalesforceSession;
import io.bcsync.salesforce.soap.Soql;
import io.bcsync.sync.changes.SeenRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes windows the stream could not deliver: queries the ids of the object's records modified
 * since the window start (all records for a full resync) with queryMore paging, and records one
 * work item per record, page by page. A failed run stays PENDING with its error and is tried again
 * on the next leader tick; re-enqueuing a record twice is harmless (it joins the open work item).
 *
 * <p>Each run first queues the periodic polls that are due ({@link ReconciliationPoll}). A poll
 * reads each record's {@code SystemModstamp} and last modifier too, and leaves out the records a
 * flow already read at that stamp ({@link SeenRecords}: what the stream delivered is not written to
 * BigCommerce twice) and those whose last change is our own (the integration user's, as the
 * subscriber drops their events: the forward sync's writes must not come back as work). Other
 * reconciliations (a GAP event, an expired replay id, an operator's request) enqueue every record
 * of their window, as before.
 */
public class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final Db db;
  private final EventIntake intake;
  private final WorkSignal signal;
  private final ReconciliationQueue queue;
  private final ReconciliationPoll poll;
  private final SeenRecords seen;
  private final String integrationUserId;
  private final Clock clock;

  Reconciler(
      Db db,
      EventIntake intake,
      WorkSignal signal,
      ReconciliationQueue queue,
      ReconciliationPoll poll,
      SeenRecords seen,
      String integrationUserId,
      Clock clock) {
    this.integrationUserId = integrationUserId;
    this.db = db;
    this.intake = intake;
    this.signal = signal;
    this.queue = queue;
    this.poll = poll;
    this.seen = seen;
    this.clock = clock;
  }

  /** Queues the due polls, then runs every pending request; returns how many completed. */
  public int runPending(SalesforceSession session) {
    poll.enqueueDue();
    int done = 0;
    String orgId = session.org().orgId();
    String ourUser = integrationUserId != null ? integrationUserId : session.org().userId();
    for (ReconciliationQueue.Request request : queue.pending()) {
      boolean polled = ReconciliationPoll.REASON.equals(request.reason());
      String soql =
          (polled ? "SELECT Id, SystemModstamp, LastModifiedById FROM " : "SELECT Id FROM ")
              + Soql.name(request.entity())
              + (request.sinceMs() == null
                  ? ""
                  : " WHERE SystemModstamp >= "
                      + Soql.dateTime(Instant.ofEpochMilli(request.sinceMs())));
      AtomicInteger enqueued = new AtomicInteger();
      try {
        SalesforceQueries.forEachPage(
            session,
            soql,
            page -> {
              List<com.sforce.soap.partner.sobject.SObject> wanted =
                  polled ? notSeen(orgId, ourUser, request.entity(), page) : page;
              db.write(
                  connection -> {
                    for (var record : wanted) {
                      intake.recordInTransaction(
                          connection,
                          new IncomingEvent(
                              EntityRef.salesforce(orgId, request.entity(), record.getId()),
                              "salesforce/reconcile",
                              "salesforce/reconcile",
                              null,
                              null,
                              null,
                              "{\"reconciliation\":" + request.id() + "}"));
                      enqueued.incrementAndGet();
                    }
                    return null;
                  });
            });
        queue.finish(request.id(), "DONE", enqueued.get(), clock.millis(), null);
        signal.wake();
        LOG.info(
            "Reconciliation {} of {} ({}): {} records queued for sync",
            request.id(),
            request.entity(),
            request.reason(),
            enqueued.get());
        done++;
      } catch (Exception e) {
        LOG.warn(
            "Reconciliation {} of {} failed after {} records; will run again: {}",
            request.id(),
            request.entity(),
            enqueued.get(),
            e.toString());
        queue.finish(request.id(), "PENDING", enqueued.get(), clock.millis(), e.toString());
      }
    }
    return done;
  }

  /**
   * The page's records last changed by someone else than us that no flow has read at their current
   * stamp (or later).
   */
  private List<com.sforce.soap.partner.sobject.SObject> notSeen(
      String orgId,
      String ourUser,
      String entity,
      List<com.sforce.soap.partner.sobject.SObject> page) {
    Map<String, Long> stamps = new LinkedHashMap<>();
    for (var record : page) {
      Object modifiedBy = record.getField("LastModifiedById");
      if (ourUser != null && modifiedBy != null && sameId(modifiedBy.toString(), ourUser)) {
        continue;
      }
      Object stamp = record.getField(SeenRecords.MODSTAMP);
      stamps.put(record.getId(), SeenRecords.millis(stamp == null ? null : stamp.toString()));
    }
    Set<String> already = seen.alreadySeen(orgId, entity, stamps);
    return page.stream()
        .filter(record -> stamps.containsKey(record.getId()) && !already.contains(record.getId()))
        .toList();
  }

  private static boolean sameId(String a, String b) {
    return a.length() >= 15 && b.length() >= 15 && a.substring(0, 15).equals(b.substring(0, 15));
  }
}
