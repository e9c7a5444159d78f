package io.bcsync.sync.requests;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.FollowUpWork;
import io.bcsync.pipeline.ItemEvents;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.changes.SalesforceChangeFlow;
import io.bcsync.sync.routing.Flow;
import io.bcsync.sync.routing.Origin;
import io.bcsync.sync.routing.WorkKind;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * <b>A Salesforce user asked for a sync</b> ({@code BC_Sync_Request__e}, one work item per event).
 * A RESYNC enqueues the named BigCommerce entity's normal work item at once; the request is
 * answered with a {@code BC_Sync_Status__e} when that item has run ({@link SyncRequestSettlement}).
 * A PUSH becomes a work item of the Salesforce record: a PricebookEntry or Product2 is written to
 * BigCommerce ({@code sync/catalog}), a Contact to its linked customer ({@code sync/contacts}), and
 * the request is answered with that item's outcome (SUCCESS, SKIPPED or FAILED with the reason,
 * {@link SyncRequestSettlement}); other objects are recorded as a change ({@code
 * SalesforceChangeFlow}) and answered SKIPPED at once. A request that names nothing bcsync knows is
 * answered FAILED with the reason.
 */
@Singleton
public class SyncRequestFlow implements Flow {
  static final String EVENT = "BC_Sync_Request__e";
  private static final Logger LOG = LoggerFactory.getLogger(SyncRequestFlow.class);

  private final ItemEvents events;
  private final SyncRequests requests;
  private final SyncRequestTargets targets;
  private final Clock clock;

  public SyncRequestFlow(
      ItemEvents events, SyncRequests requests, SyncRequestTargets targets, Clock clock) {
    this.events = events;
    this.requests = requests;
    this.targets = targets;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "sync-request";
  }

  @Override
  public boolean handles(WorkKind kind) {
    return kind.is(Origin.SALESFORCE, EVENT);
  }

  @Override
  public Map<Long, Outcome> run(List<WorkItem> items) {
    // A request item that ran before (and crashed before it was marked done) is already recorded,
    // with its work and answer: it is not recorded twice.
    Set<Long> recorded =
        requests.byRequestItems(items.stream().map(WorkItem::id).toList()).stream()
            .map(SyncRequestRow::requestItemId)
            .collect(Collectors.toSet());
    List<WorkItem> fresh = items.stream().filter(i -> !recorded.contains(i.id())).toList();
    Map<Long, List<ItemEvents.ItemEvent>> byItem =
        events.of(fresh.stream().map(WorkItem::id).toList());
    Map<Long, Outcome> outcomes = new HashMap<>();
    List<SyncRequests.Accepted> accepted = new ArrayList<>();
    long now = clock.millis();
    for (WorkItem item : items) {
      List<ItemEvents.ItemEvent> itemEvents = byItem.getOrDefault(item.id(), List.of());
      if (recorded.contains(item.id())) {
        outcomes.put(item.id(), Outcome.SUCCESS);
      } else if (itemEvents.isEmpty()) {
        outcomes.put(item.id(), Outcome.skipped("the request's event is not stored"));
      } else {
        accepted.add(accept(item, SyncRequest.parse(itemEvents.get(0).rawBody()), now));
        outcomes.put(item.id(), Outcome.SUCCESS);
      }
    }
    requests.accept(accepted);
    return outcomes;
  }

  private SyncRequests.Accepted accept(WorkItem item, SyncRequest request, long now) {
    String orgId = item.entity().storeHash().substring(EntityRef.SALESFORCE_PREFIX.length());
    SyncRequestTarget target = targets.resolve(orgId, request);
    String status;
    String message;
    String errorCode = null;
    String targetKey = null;
    Optional<FollowUpWorkEvent> work = Optional.empty();
    if (target instanceof SyncRequestTarget.Resync resync) {
      status = SyncRequestRow.QUEUED;
      targetKey = resync.entity().key();
      message = "queued: " + resync.entity().type() + " " + resync.entity().id() + " is read again";
      work = Optional.of(new FollowUpWorkEvent(resync.entity(), "RESYNC"));
    } else if (target instanceof SyncRequestTarget.Push push) {
      if (SalesforceChangeFlow.WRITTEN_TO_STORE.contains(request.sobject())) {
        // Answered with the write's own outcome once the record's item has run.
        status = SyncRequestRow.QUEUED;
        targetKey = push.record().key();
        message = "queued: " + request.sobject() + " " + request.recordId() + " is written";
      } else {
        status = SyncRequestRow.SKIPPED;
        message =
            "recorded as a change of "
                + request.sobject()
                + "; writing it to BigCommerce is not available yet";
      }
      work = Optional.of(new FollowUpWorkEvent(push.record(), "PUSH"));
    } else {
      SyncRequestTarget.Refused refused = (SyncRequestTarget.Refused) target;
      status = SyncRequestRow.FAILED;
      message = refused.message();
      errorCode = refused.errorCode();
    }
    LOG.info(
        "Sync request {} ({} {} {}): {} - {}",
        item.id(),
        request.action(),
        request.sobject(),
        request.correlationId(),
        status,
        message);
    SyncRequestRow row =
        new SyncRequestRow(
            null,
            orgId,
            item.id(),
            cut(request.correlationId(), 64),
            request.action() == null ? "NONE" : cut(request.action(), 20),
            cut(request.sobject(), 80),
            cut(request.recordId(), 18),
            cut(request.externalId(), 255),
            targetKey,
            request.direction(),
            status,
            SyncStatusEvent.truncate(message),
            errorCode,
            null,
            null,
            now,
            now);
    return new SyncRequests.Accepted(row, work.map(w -> w.event(item.id())));
  }

  /** The work a request starts: an event for the entity, like any other change of it. */
  private record FollowUpWorkEvent(EntityRef entity, String action) {
    io.bcsync.pipeline.IncomingEvent event(long requestItemId) {
      return FollowUpWork.event(
          entity, "salesforce/sync-request/" + action, "{\"requestItem\":" + requestItemId + "}");
    }
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
