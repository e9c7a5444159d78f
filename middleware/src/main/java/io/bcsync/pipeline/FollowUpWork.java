package io.bcsync.pipeline;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Work that a flow creates for later (a resync a Salesforce user asked for, an order id to write
 * back, a status event to publish): events recorded exactly like webhooks, all of one call in one
 * transaction, each joining its entity's open work item or opening one. Enqueueing the same entity
 * twice is harmless: it joins the open item.
 */
@Singleton
public class FollowUpWork {
  private static final int MAX_TRANSIENT_RETRIES = 5;

  private final Db db;
  private final EventIntake intake;
  private final WorkSignal signal;

  public FollowUpWork(Db db, EventIntake intake, WorkSignal signal) {
    this.db = db;
    this.intake = intake;
    this.signal = signal;
  }

  /**
   * Records the events; returns the work item each joined or opened, in order. Events carry no
   * webhook id or payload hash, so none is ever dropped as a duplicate.
   */
  public List<Long> enqueue(List<IncomingEvent> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    for (IncomingEvent event : events) {
      if (event.webhookId() != null || event.payloadHash() != null) {
        throw new IllegalArgumentException(
            "follow-up work is never deduplicated: " + event.scope());
      }
    }
    List<Long> items =
        db.writeRetryingTransient(
            MAX_TRANSIENT_RETRIES,
            connection -> {
              List<Long> ids = new ArrayList<>(events.size());
              for (IncomingEvent event : events) {
                IntakeResult result = intake.recordInTransaction(connection, event);
                ids.add(((IntakeResult.Accepted) result).workItemId());
              }
              return ids;
            });
    signal.wake();
    return items;
  }

  /**
   * Runs {@code change} (the caller's own state, such as a request row) and records the events it
   * yields in the same transaction: either both commit or neither. {@code change} may run again
   * when the database asks for a retry (deadlock), so it must only write inside the transaction.
   */
  public <R> R recordWith(Db.SqlWork<R> change, Function<R, List<IncomingEvent>> events) {
    R result =
        db.writeRetryingTransient(
            MAX_TRANSIENT_RETRIES,
            connection -> {
              R changed = change.run(connection);
              for (IncomingEvent event : events.apply(changed)) {
                requireNotDeduplicated(event);
                intake.recordInTransaction(connection, event);
              }
              return changed;
            });
    signal.wake();
    return result;
  }

  private static void requireNotDeduplicated(IncomingEvent event) {
    if (event.webhookId() != null || event.payloadHash() != null) {
      throw new IllegalArgumentException("follow-up work is never deduplicated: " + event.scope());
    }
  }

  /** A follow-up event of bcsync itself for {@code entity}, with a small JSON body. */
  public static IncomingEvent event(EntityRef entity, String scope, String json) {
    return new IncomingEvent(entity, scope, "bcsync", null, null, null, json);
  }
}
