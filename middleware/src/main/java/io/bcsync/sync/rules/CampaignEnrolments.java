package io.bcsync.sync.rules;

import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
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
 * Makes campaign memberships in batched calls through the {@link SalesforceRecords} port: Campaigns
 * are resolved once and cached (by id: no call; by Name or {@code BC_Source_Key__c}: one query per
 * 100 not yet cached; missing source-key Campaigns created by one upsert call, idempotent by the
 * key), then every membership of the batch is created in calls of 200.
 *
 * <p>Exactly one membership per Campaign and person: Salesforce refuses a second CampaignMember for
 * the same Campaign and Contact with {@code DUPLICATE_VALUE} "Already a campaign member." (see
 * ../shared/reference/salesforce.md E.8), which is taken as success. So a membership whose create
 * committed but whose answer was lost, or a firing not recorded before a crash, converges on the
 * retry without a read.
 *
 * <p>A membership made or found (created, or refused as existing) is remembered per process, up to
 * {@link KnownMemberships#CAPACITY} of the most recent: a customer's later orders that fire the
 * same Campaign again cost no call. A membership removed in Salesforce while this process remembers
 * it is therefore not made again by that customer's next order (it is after a restart, or once
 * forgotten); a lost answer is never remembered, so it still converges by the refusal above.
 */
@Singleton
public class CampaignEnrolments {
  /**
   * An enrolment that could not be made, and whether retrying cannot help. A Campaign not found is
   * retried (someone may create it), then dead-lettered by the pipeline's attempts.
   */
  public record Failure(String error, boolean permanent) {}

  private final SalesforceRecords salesforce;

  /** Campaign id by {@link Enrolment#campaignKey()}. */
  private final Map<String, String> campaigns = new ConcurrentHashMap<>();

  /** Memberships (Campaign id and Contact id) this process made or found already made. */
  private final KnownMemberships memberships = new KnownMemberships(KnownMemberships.CAPACITY);

  public CampaignEnrolments(SalesforceRecords salesforce) {
    this.salesforce = salesforce;
  }

  /** Makes the memberships; answers the failed ones (by identity), the others are made. */
  public Map<Enrolment, Failure> enrol(String storeHash, List<Enrolment> enrolments) {
    Map<Enrolment, Failure> failures = new IdentityHashMap<>();
    if (enrolments.isEmpty()) {
      return failures;
    }
    Map<String, Failure> unresolved = resolve(enrolments);
    List<Enrolment> ready = new ArrayList<>();
    for (Enrolment e : enrolments) {
      Failure failure = unresolved.get(e.campaignKey());
      if (failure != null) {
        failures.put(e, failure);
      } else {
        ready.add(e);
      }
    }
    if (ready.isEmpty()) {
      return failures;
    }
    // One create per Campaign and person: a membership this process made or found before costs no
    // call, and one asked for twice in this batch (a customer's two orders) is sent once, the
    // others sharing its outcome.
    Set<String> sent = new java.util.HashSet<>();
    Map<Enrolment, String> sharing = new IdentityHashMap<>();
    List<RecordWrite> writes = new ArrayList<>();
    List<Enrolment> sentFor = new ArrayList<>();
    for (Enrolment e : ready) {
      String campaignId = campaigns.get(e.campaignKey());
      String member = membershipKey(campaignId, e.contactId());
      if (memberships.contains(member)) {
        continue;
      }
      if (!sent.add(member)) {
        sharing.put(e, member);
        continue;
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("CampaignId", campaignId);
      fields.put("ContactId", e.contactId());
      fields.put("Status", e.memberStatus());
      // Synthetic item ids (the index): one refused membership must not stop the writer from
      // sending the others, which it does for records of one work item.
      writes.add(RecordWrite.create(writes.size(), "CampaignMember", fields));
      sentFor.add(e);
    }
    if (writes.isEmpty()) {
      return failures;
    }
    WriteReport report = salesforce.write(writes);
    Map<String, Failure> failedMembers = new LinkedHashMap<>();
    for (RecordResult result : report.results()) {
      Enrolment e = sentFor.get((int) result.write().workItemId());
      String member =
          membershipKey((String) result.write().fields().get("CampaignId"), e.contactId());
      if (result.success() || alreadyMember(result)) {
        memberships.remember(member);
        continue;
      }
      // The cached id may name a deleted Campaign: look it up again on the retry.
      campaigns.remove(e.campaignKey());
      Failure failure =
          new Failure(
              "CampaignMember create failed: "
                  + String.join("; ", result.errors().stream().map(RecordError::toString).toList()),
              !result.retryable());
      failures.put(e, failure);
      failedMembers.put(member, failure);
    }
    sharing.forEach(
        (e, member) -> {
          Failure failure = failedMembers.get(member);
          if (failure != null) {
            failures.put(e, failure);
          }
        });
    return failures;
  }

  private static String membershipKey(String campaignId, String contactId) {
    return campaignId + "|" + contactId;
  }

  private static boolean alreadyMember(RecordResult result) {
    return result.errors().stream().anyMatch(e -> "DUPLICATE_VALUE".equals(e.statusCode()));
  }

  /** Fills the cache for every Campaign the enrolments need; answers those it could not. */
  private Map<String, Failure> resolve(List<Enrolment> enrolments) {
    Map<String, Failure> failures = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    Map<String, Enrolment> byKey = new LinkedHashMap<>();
    for (Enrolment e : enrolments) {
      if (campaigns.containsKey(e.campaignKey())) {
        continue;
      }
      switch (e.campaign().kind()) {
        case ID:
          campaigns.put(e.campaignKey(), e.campaign().value());
          break;
        case NAME:
          names.add(e.campaign().value());
          break;
        default:
          byKey.putIfAbsent(e.sourceKey(), e);
      }
    }
    if (!names.isEmpty()) {
      salesforce
          .idsByKey("Campaign", "Name", names)
          .forEach(
              (name, ids) -> {
                if (ids.size() == 1) {
                  campaigns.put("name:" + name, ids.get(0));
                } else {
                  failures.put(
                      "name:" + name,
                      new Failure(ids.size() + " Campaigns are named '" + name + "'", false));
                }
              });
      for (String name : names) {
        if (!campaigns.containsKey("name:" + name)) {
          failures.putIfAbsent(
              "name:" + name, new Failure("no Campaign is named '" + name + "'", false));
        }
      }
    }
    if (!byKey.isEmpty()) {
      resolveKeys(byKey, failures);
    }
    return failures;
  }

  private void resolveKeys(Map<String, Enrolment> byKey, Map<String, Failure> failures) {
    salesforce
        .idsByKey("Campaign", "BC_Source_Key__c", byKey.keySet())
        .forEach((key, ids) -> campaigns.put("key:" + key, ids.get(0)));
    List<String> missing =
        byKey.keySet().stream().filter(k -> !campaigns.containsKey("key:" + k)).toList();
    List<RecordWrite> creates = new ArrayList<>();
    for (int i = 0; i < missing.size(); i++) {
      Enrolment e = byKey.get(missing.get(i));
      if (!e.campaign().createMissing()) {
        failures.put(
            "key:" + e.sourceKey(),
            new Failure("no Campaign has BC_Source_Key__c '" + e.sourceKey() + "'", false));
        continue;
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("BC_Source_Key__c", e.sourceKey());
      fields.put("IsActive", Boolean.TRUE);
      switch (e.campaign().kind()) {
        case COUPON:
          fields.put("Name", truncate("Coupon " + after(e.sourceKey(), ":coupon:")));
          fields.put("BC_Source_Type__c", "Coupon");
          break;
        case UTM:
          fields.put("Name", truncate("UTM " + after(e.sourceKey(), ":utm:")));
          fields.put("BC_Source_Type__c", "UTM");
          break;
        default:
          fields.put("Name", truncate(e.campaign().name()));
      }
      // An upsert by the key: a create whose answer was lost is found, not made twice.
      creates.add(RecordWrite.upsert(i, "Campaign", "BC_Source_Key__c", fields));
    }
    if (creates.isEmpty()) {
      return;
    }
    for (RecordResult result : salesforce.write(creates).results()) {
      String key = missing.get((int) result.write().workItemId());
      if (result.success()) {
        campaigns.put("key:" + key, result.id());
      } else {
        // Another worker creating the same key at once loses to it with a duplicate error: the
        // retry finds that Campaign by its key, so the race is not a permanent failure.
        boolean raced =
            result.errors().stream()
                .anyMatch(e -> e.statusCode() != null && e.statusCode().startsWith("DUPLICATE_"));
        failures.put(
            "key:" + key,
            new Failure(
                "Campaign upsert failed: "
                    + String.join(
                        "; ", result.errors().stream().map(RecordError::toString).toList()),
                !raced && !result.retryable()));
      }
    }
  }

  /** The code or source of a store-qualified key such as {@code s1:coupon:spring10}. */
  private static String after(String sourceKey, String marker) {
    return sourceKey.substring(sourceKey.indexOf(marker) + marker.length());
  }

  /** Campaign.Name holds 80 characters. */
  private static String truncate(String name) {
    return name.length() <= 80 ? name : name.substring(0, 80);
  }
}
