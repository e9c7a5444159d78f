package io.bcsync.sync.requests;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.RetryPolicy;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.changes.SalesforceChangeFlow;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.routing.Origin;
import io.bcsync.sync.routing.OutcomeObserver;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers sync requests once the entity they resynced (or the Salesforce record they pushed) has
 * run: SUCCESS (with the Salesforce record a resync was written to), SKIPPED (nothing to write,
 * with why), FAILED when the item is dead-lettered (a permanent failure such as bad data, or its
 * last attempt), RETRYING on its first retryable failure. A Salesforce record's item dead-lettered
 * without a request (a change event, a reconciliation) is reported with a FAILED status too. Costs
 * one indexed query per batch of BigCommerce items or pushable Salesforce records, and one more
 * when one of them was dead-lettered.
 */
@Singleton
public class SyncRequestSettlement implements OutcomeObserver {
  /** The action of a row no request asked for: a dead-lettered change reported as a failure. */
  static final String REPORT = "REPORT";

  /** A Salesforce or BigCommerce status code in a failure text, such as REQUIRED_FIELD_MISSING. */
  private static final Pattern ERROR_CODE = Pattern.compile("\\b[A-Z]+(?:_[A-Z0-9]+)+\\b");

  private final SyncRequests requests;
  private final IdentityMap identities;
  private final RetryPolicy retryPolicy;
  private final Clock clock;

  public SyncRequestSettlement(
      SyncRequests requests, IdentityMap identities, RetryPolicy retryPolicy, Clock clock) {
    this.requests = requests;
    this.identities = identities;
    this.retryPolicy = retryPolicy;
    this.clock = clock;
  }

  @Override
  public void observe(List<WorkItem> items, Map<Long, Outcome> outcomes) {
    Map<String, WorkItem> byKey = new HashMap<>();
    items.stream()
        .filter(SyncRequestSettlement::answersRequests)
        .forEach(item -> byKey.put(item.entity().key(), item));
    if (byKey.isEmpty()) {
      return;
    }
    List<SyncRequestRow> open = requests.openFor(byKey.keySet());
    long now = clock.millis();
    List<SyncRequestRow> settled = new ArrayList<>();
    Set<String> answered = new HashSet<>();
    for (SyncRequestRow row : open) {
      WorkItem item = byKey.get(row.targetKey());
      Outcome outcome = item == null ? null : outcomes.get(item.id());
      SyncRequestRow next = outcome == null ? null : settle(row, item, outcome, now);
      if (next != null) {
        settled.add(next);
        answered.add(row.targetKey());
      }
    }
    requests.settle(settled);
    reportDeadLettered(byKey, answered, outcomes, now);
  }

  /**
   * A Salesforce record's item dead-lettered with no request to answer (a change event, a
   * reconciliation) is still reported: one FAILED {@code BC_Sync_Status__e} naming the record and
   * the reason (issue 17: bad data "is dead-lettered with the reason and reported in a
   * BC_Sync_Status__e failure"). It is a {@code REPORT} row keyed by the dead item's id, so
   * observing the same outcome again (a re-run batch) publishes nothing more.
   */
  private void reportDeadLettered(
      Map<String, WorkItem> byKey, Set<String> answered, Map<Long, Outcome> outcomes, long now) {
    Map<Long, SyncRequestRow> reports = new LinkedHashMap<>();
    byKey.forEach(
        (key, item) -> {
          if (!item.entity().isSalesforce() || answered.contains(key)) {
            return;
          }
          if (outcomes.get(item.id()) instanceof Outcome.Failure failure
              && deadLettered(item, failure)) {
            reports.put(item.id(), report(item, failure, now));
          }
        });
    if (reports.isEmpty()) {
      return;
    }
    requests.byRequestItems(reports.keySet()).forEach(row -> reports.remove(row.requestItemId()));
    requests.report(List.copyOf(reports.values()));
  }

  private boolean deadLettered(WorkItem item, Outcome.Failure failure) {
    return failure.permanent() || !retryPolicy.mayRetry(item.attempts());
  }

  private static SyncRequestRow report(WorkItem item, Outcome.Failure failure, long now) {
    EntityRef entity = item.entity();
    return new SyncRequestRow(
        null,
        entity.storeHash().substring(EntityRef.SALESFORCE_PREFIX.length()),
        item.id(),
        null,
        REPORT,
        entity.type(),
        entity.id().length() <= 18 ? entity.id() : null,
        null,
        entity.key(),
        "TO_BIGCOMMERCE",
        SyncRequestRow.FAILED,
        SyncStatusEvent.truncate(failure.error()),
        code(failure.error()),
        null,
        null,
        now,
        now);
  }

  /** BigCommerce entities (RESYNC) and the Salesforce records a PUSH writes to BigCommerce. */
  private static boolean answersRequests(WorkItem item) {
    return Origin.of(item.entity()) == Origin.BIGCOMMERCE
        || SalesforceChangeFlow.WRITTEN_TO_STORE.contains(item.entity().type());
  }

  private SyncRequestRow settle(SyncRequestRow row, WorkItem item, Outcome outcome, long now) {
    if (outcome instanceof Outcome.Success && item.entity().isSalesforce()) {
      return row.settled(
          SyncRequestRow.SUCCESS,
          "wrote " + item.entity().type() + " " + item.entity().id() + " to BigCommerce",
          null,
          null,
          now);
    }
    if (outcome instanceof Outcome.Success) {
      return row.settled(
          SyncRequestRow.SUCCESS,
          "synced " + item.entity().type() + " " + item.entity().id() + " to Salesforce",
          null,
          salesforceId(item.entity()),
          now);
    }
    if (outcome instanceof Outcome.Skipped skipped) {
      return row.settled(SyncRequestRow.SKIPPED, skipped.reason(), null, null, now);
    }
    if (outcome instanceof Outcome.Deferred) {
      return null; // not attempted yet: nothing to answer
    }
    Outcome.Failure failure = (Outcome.Failure) outcome;
    if (failure.permanent() || !retryPolicy.mayRetry(item.attempts())) {
      return row.settled(SyncRequestRow.FAILED, failure.error(), code(failure.error()), null, now);
    }
    if (SyncRequestRow.QUEUED.equals(row.status())) {
      return row.settled(
          SyncRequestRow.RETRYING, failure.error(), code(failure.error()), null, now);
    }
    return null; // already answered RETRYING: the next answer is the final one
  }

  /** The Salesforce record the entity is linked to now, if any. */
  private String salesforceId(EntityRef entity) {
    Identity identity =
        identities.find(entity.storeHash(), entity.type(), List.of(entity.id())).get(entity.id());
    return identity == null ? null : identity.sfId();
  }

  static String code(String error) {
    Matcher matcher = ERROR_CODE.matcher(error == null ? "" : error);
    return matcher.find() ? matcher.group() : "SYNC_FAILED";
  }
}
