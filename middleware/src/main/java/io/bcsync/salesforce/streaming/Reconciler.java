package io.bcsync.salesforce.streaming;

import io.bcsync.db.Db;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.IncomingEvent;
import io.bcsync.pipeline.WorkSignal;
import io.bcsync.salesforce.soap.SalesforceQueries;
import io.bcsync.salesforce.soap.SalesforceSession;
import io.bcsync.salesforce.soap.Soql;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes windows the stream could not deliver: queries the ids of the object's records modified
 * since the window start (all records for a full resync) with queryMore paging, and records one
 * work item per record, page by page. A failed run stays PENDING with its error and is tried again
 * on the next leader tick; re-enqueuing a record twice is harmless (it joins the open work item).
 */
public class Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final Db db;
  private final EventIntake intake;
  private final WorkSignal signal;
  private final ReconciliationQueue queue;
  private final Clock clock;

  public Reconciler(
      Db db, EventIntake intake, WorkSignal signal, ReconciliationQueue queue, Clock clock) {
    this.db = db;
    this.intake = intake;
    this.signal = signal;
    this.queue = queue;
    this.clock = clock;
  }

  /** Runs every pending request; returns how many completed. */
  public int runPending(SalesforceSession session) {
    int done = 0;
    for (ReconciliationQueue.Request request : queue.pending()) {
      String soql =
          "SELECT Id FROM "
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
            page ->
                db.write(
                    connection -> {
                      for (var record : page) {
                        intake.recordInTransaction(
                            connection,
                            new IncomingEvent(
                                EntityRef.salesforce(
                                    session.org().orgId(), request.entity(), record.getId()),
                                "salesforce/reconcile",
                                "salesforce/reconcile",
                                null,
                                null,
                                null,
                                "{\"reconciliation\":" + request.id() + "}"));
                        enqueued.incrementAndGet();
                      }
                      return null;
                    }));
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
}
