package io.bcsync.salesforce.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.db.Db;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.IncomingEvent;
import io.bcsync.pipeline.WorkSignal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Makes a Streaming API event durable: in one transaction it checks the channel's stored replay id
 * (an id at or below it was recorded before: a replay after re-handshake, restart or takeover),
 * turns the event into pipeline work (or drops it as our own change, or queues a reconciliation),
 * and advances the replay id. Either all of that commits or none of it, so the stored id never runs
 * ahead of the recorded events and nothing is recorded twice.
 */
public class StreamEventRecorder {
  /**
   * Records changed shortly before a window's start are included too: commit order and clocks are
   * not exact.
   */
  static final Duration RECONCILE_MARGIN = Duration.ofMinutes(5);

  public enum Result {
    RECORDED,
    OWN_CHANGE,
    ALREADY_RECORDED,
    RESYNC_QUEUED
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Db db;
  private final EventIntake intake;
  private final WorkSignal signal;
  private final ReplayStore replays;
  private final ReconciliationQueue reconciliations;
  private final StreamingMetrics metrics;
  private final Clock clock;

  public StreamEventRecorder(
      Db db,
      EventIntake intake,
      WorkSignal signal,
      ReplayStore replays,
      ReconciliationQueue reconciliations,
      StreamingMetrics metrics,
      Clock clock) {
    this.db = db;
    this.intake = intake;
    this.signal = signal;
    this.replays = replays;
    this.reconciliations = reconciliations;
    this.metrics = metrics;
    this.clock = clock;
  }

  public Result record(String orgId, OwnChangeFilter ownChanges, StreamEvent event) {
    long replayId = event.replayId();
    String raw = toJson(event);
    Result result =
        db.write(
            connection -> {
              long now = clock.millis();
              ReplayStore.Position position = replays.lock(connection, event.channel(), now);
              if (position.replayId() >= 0 && replayId <= position.replayId()) {
                return Result.ALREADY_RECORDED;
              }
              Result outcome = enqueue(connection, orgId, ownChanges, event, raw, now);
              long eventAt = event.commitTimestamp() > 0 ? event.commitTimestamp() : now;
              replays.advance(connection, event.channel(), replayId, eventAt, now);
              return outcome;
            });
    metrics.event(event.channel(), result);
    if (result == Result.RECORDED || result == Result.RESYNC_QUEUED) {
      signal.wake();
    }
    return result;
  }

  private Result enqueue(
      Connection connection,
      String orgId,
      OwnChangeFilter ownChanges,
      StreamEvent event,
      String raw,
      long now)
      throws SQLException {
    if (event.changeHeader() == null) {
      return recordPlatformEvent(connection, orgId, event, raw);
    }
    String entity = event.entityName();
    String changeType = event.changeType();
    if ("GAP_OVERFLOW".equals(changeType)) {
      // More than 100,000 changes in one transaction: no record ids, so resync the whole object.
      reconciliations.enqueue(connection, entity, null, "GAP_OVERFLOW on " + event.channel(), now);
      return Result.RESYNC_QUEUED;
    }
    if (!changeType.startsWith("GAP_") && ownChanges.isOwnChange(event.changeHeader())) {
      return Result.OWN_CHANGE;
    }
    List<String> ids = event.recordIds();
    if (ids.isEmpty() || ids.stream().anyMatch(id -> id.contains("*"))) {
      long since =
          (event.commitTimestamp() > 0 ? event.commitTimestamp() : now)
              - RECONCILE_MARGIN.toMillis();
      reconciliations.enqueue(
          connection, entity, since, changeType + " without individual record ids", now);
      return Result.RESYNC_QUEUED;
    }
    // GAP_* events carry no field values: the work item re-reads the record, as every Salesforce
    // work item does.
    for (String id : ids) {
      intake.recordInTransaction(
          connection,
          new IncomingEvent(
              EntityRef.salesforce(orgId, entity, id),
              "salesforce/cdc/" + changeType,
              "salesforce" + event.channel(),
              null,
              null,
              null,
              raw));
    }
    return Result.RECORDED;
  }

  private Result recordPlatformEvent(
      Connection connection, String orgId, StreamEvent event, String raw) throws SQLException {
    String name = event.channel().substring(event.channel().lastIndexOf('/') + 1);
    String action = event.payloadText("BC_Action__c");
    // One work item per platform event: each is a request of its own (a BC_Sync_Request__e owes its
    // own BC_Sync_Status__e answer), so two must never collapse into one item.
    EntityRef entity = EntityRef.salesforce(orgId, name, String.valueOf(event.replayId()));
    intake.recordInTransaction(
        connection,
        new IncomingEvent(
            entity,
            "salesforce/event/" + name + (action == null ? "" : "/" + action),
            "salesforce" + event.channel(),
            null,
            null,
            null,
            raw));
    return Result.RECORDED;
  }

  private static String toJson(StreamEvent event) {
    try {
      return JSON.writeValueAsString(event.data());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event on " + event.channel() + " is not serialisable", e);
    }
  }
}
