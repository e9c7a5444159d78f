package io.bcsync.sync.rules;

import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens or updates Cases in batched calls through the {@link SalesforceRecords} port: one Case per
 * order and reason, upserted by {@code BC_Case_Key__c} (external id, unique), so a later event, a
 * duplicated webhook or a create whose answer was lost finds the same Case instead of making a
 * second. Queues are resolved by {@code Group.DeveloperName} with {@code Type = 'Queue'} once and
 * cached. Only a new Case gets the owner, Origin, Priority and Type, so an agent who took the Case
 * or changed its priority is not overruled by the order's next event: Cases are created first and
 * only those Salesforce refuses as existing are upserted without those fields ({@link #write}).
 */
@Singleton
public class CaseWrites {
  private final SalesforceRecords salesforce;

  /** Queue id by DeveloperName. */
  private final Map<String, String> queues = new ConcurrentHashMap<>();

  public CaseWrites(SalesforceRecords salesforce) {
    this.salesforce = salesforce;
  }

  /**
   * Writes the Cases; answers the failed ones (by identity), the others are written.
   *
   * <p>Create first: a Case is new for nearly every request (one per order and reason), so it is
   * sent as a create with its owner and triage fields, and {@code BC_Case_Key__c} (unique) makes
   * Salesforce refuse it with {@code DUPLICATE_VALUE} when the Case exists (a later event of the
   * order, a create whose answer was lost, another worker's create). Only those refused go out
   * again, as an upsert by the key without the create-only fields. One call per 200 Cases in the
   * usual batch instead of a query plus an upsert; the final state is the same.
   *
   * <p>Puts the Salesforce id of every Case written into {@code ids}, by its key in lower case (the
   * record timeline shows them).
   */
  public Map<CaseRequest, CampaignEnrolments.Failure> write(
      List<CaseRequest> requests, Map<String, String> ids) {
    Map<CaseRequest, CampaignEnrolments.Failure> failures = new IdentityHashMap<>();
    if (requests.isEmpty()) {
      return failures;
    }
    Set<String> missingQueues = resolveQueues(requests);
    // Two rules with the same reason firing for one order ask for the same Case: Salesforce refuses
    // one external id twice in a call, so the first is written and the others share its outcome.
    Map<String, CaseRequest> first = new LinkedHashMap<>();
    List<CaseRequest> repeats = new ArrayList<>();
    for (CaseRequest r : requests) {
      if (first.putIfAbsent(r.key().toLowerCase(java.util.Locale.ROOT), r) != null) {
        repeats.add(r);
      }
    }
    List<CaseRequest> creates = new ArrayList<>();
    List<CaseRequest> updates = new ArrayList<>();
    List<CaseRequest> ownerless = new ArrayList<>();
    for (CaseRequest r : first.values()) {
      (r.queue() != null && missingQueues.contains(r.queue()) ? ownerless : creates).add(r);
    }
    if (!ownerless.isEmpty()) {
      // No Queue to own a new Case: only an existing Case may be written (the rare path, so it
      // may cost a query). A new one is retried, then dead-lettered: someone may create the Queue.
      Set<String> keys = new LinkedHashSet<>();
      ownerless.forEach(r -> keys.add(r.key()));
      Set<String> existing =
          lowerCase(salesforce.idsByKey("Case", "BC_Case_Key__c", keys).keySet());
      for (CaseRequest r : ownerless) {
        if (existing.contains(r.key().toLowerCase(java.util.Locale.ROOT))) {
          updates.add(r);
        } else {
          failures.put(
              r,
              new CampaignEnrolments.Failure(
                  "no Queue has DeveloperName '" + r.queue() + "'", false));
        }
      }
    }
    if (!creates.isEmpty()) {
      updates.addAll(create(creates, failures, ids));
    }
    if (!updates.isEmpty()) {
      List<RecordWrite> writes = new ArrayList<>();
      for (CaseRequest r : updates) {
        // Synthetic item ids (the index): one refused Case must not stop the others.
        writes.add(RecordWrite.upsert(writes.size(), "Case", "BC_Case_Key__c", r.fields()));
      }
      send(writes, updates, failures, ids);
    }
    for (CaseRequest r : repeats) {
      CampaignEnrolments.Failure failure =
          failures.get(first.get(r.key().toLowerCase(java.util.Locale.ROOT)));
      if (failure != null) {
        failures.put(r, failure);
      }
    }
    return failures;
  }

  /** Creates the Cases as new ones; answers those that exist already (to be updated). */
  private List<CaseRequest> create(
      List<CaseRequest> requests,
      Map<CaseRequest, CampaignEnrolments.Failure> failures,
      Map<String, String> ids) {
    List<RecordWrite> writes = new ArrayList<>();
    for (CaseRequest r : requests) {
      Map<String, Object> fields = new LinkedHashMap<>(r.fields());
      fields.putAll(r.onCreate());
      if (r.queue() != null) {
        fields.put("OwnerId", queues.get(r.queue()));
      }
      writes.add(RecordWrite.create(writes.size(), "Case", fields));
    }
    List<CaseRequest> existing = new ArrayList<>();
    for (RecordResult result : salesforce.write(writes).results()) {
      CaseRequest r = requests.get((int) result.write().workItemId());
      if (result.success()) {
        idOf(r, result, ids);
        continue;
      }
      if (result.errors().stream().anyMatch(e -> "DUPLICATE_VALUE".equals(e.statusCode()))) {
        existing.add(r);
      } else {
        failures.put(r, failure(r, result));
      }
    }
    return existing;
  }

  private void send(
      List<RecordWrite> writes,
      List<CaseRequest> ready,
      Map<CaseRequest, CampaignEnrolments.Failure> failures,
      Map<String, String> ids) {
    for (RecordResult result : salesforce.write(writes).results()) {
      CaseRequest r = ready.get((int) result.write().workItemId());
      if (result.success()) {
        idOf(r, result, ids);
      } else {
        failures.put(r, failure(r, result));
      }
    }
  }

  private static void idOf(CaseRequest r, RecordResult result, Map<String, String> ids) {
    if (result.id() != null) {
      ids.put(r.key().toLowerCase(java.util.Locale.ROOT), result.id());
    }
  }

  private CampaignEnrolments.Failure failure(CaseRequest r, RecordResult result) {
    // The cached Queue may have been deleted: look it up again on the retry.
    if (r.queue() != null) {
      queues.remove(r.queue());
    }
    // Two workers creating the same key at once: the loser's retry updates the winner's Case.
    boolean raced =
        result.errors().stream()
            .anyMatch(e -> e.statusCode() != null && e.statusCode().startsWith("DUPLICATE_"));
    return new CampaignEnrolments.Failure(
        "Case "
            + result.write().operation().name().toLowerCase(java.util.Locale.ROOT)
            + " failed: "
            + String.join("; ", result.errors().stream().map(RecordError::toString).toList()),
        !raced && !result.retryable());
  }

  /** Fills the cache for the requests' Queues; answers the names no Queue has. */
  private Set<String> resolveQueues(List<CaseRequest> requests) {
    Set<String> names = new LinkedHashSet<>();
    requests.forEach(
        r -> {
          if (r.queue() != null && !queues.containsKey(r.queue())) {
            names.add(r.queue());
          }
        });
    if (names.isEmpty()) {
      return Set.of();
    }
    Map<String, List<String>> groups = salesforce.idsByKey("Group", "DeveloperName", names);
    List<String> ids = new ArrayList<>();
    groups.values().forEach(ids::addAll);
    // A public group may share nothing with a Queue but its name shape: only Type = 'Queue' owns.
    Map<String, Map<String, String>> read =
        ids.isEmpty() ? Map.of() : salesforce.read("Group", List.of("Type", "DeveloperName"), ids);
    read.forEach(
        (id, values) -> {
          if ("Queue".equals(values.get("Type"))) {
            names.stream()
                .filter(n -> n.equalsIgnoreCase(values.get("DeveloperName")))
                .forEach(n -> queues.put(n, id));
          }
        });
    Set<String> missing = new LinkedHashSet<>(names);
    missing.removeAll(queues.keySet());
    return missing;
  }

  private static Set<String> lowerCase(Set<String> keys) {
    Set<String> out = new java.util.HashSet<>();
    keys.forEach(k -> out.add(k.toLowerCase(java.util.Locale.ROOT)));
    return out;
  }
}
