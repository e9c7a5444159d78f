package io.bcsync.sync.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Campaign resolution and creation by source key, over a fake of the port that keeps Campaigns by
 * their unique key and one member per Campaign and Contact: created once after a lost upsert
 * answer, a create race is retried rather than dead-lettered, and cached Campaigns cost no query.
 */
class CampaignEnrolmentsTest {
  private final Map<String, String> campaignsByKey = new HashMap<>();
  private final Set<String> members = new HashSet<>();
  private final List<String> calls = new ArrayList<>();
  private String nextCampaignFault; // "lose" or a status code, for the next Campaign upsert
  private String nextMemberFault; // "lose" (committed, answer lost) or a status code
  private final List<String> memberCreates = new ArrayList<>();

  private final SalesforceRecords fake =
      new SalesforceRecords() {
        @Override
        public WriteReport write(List<RecordWrite> writes) {
          calls.add(writes.get(0).operation() + " " + writes.get(0).sobjectType());
          List<RecordResult> results = new ArrayList<>();
          for (RecordWrite w : writes) {
            results.add("Campaign".equals(w.sobjectType()) ? upsertCampaign(w) : createMember(w));
          }
          return new WriteReport(results, 1);
        }

        @Override
        public Map<String, RecordError> delete(Collection<String> ids) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, String> accountsOfContacts(Collection<String> contactIds) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Map<String, String>> read(
            String sobjectType, List<String> fieldPaths, Collection<String> ids) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, List<String>> idsByKey(
            String sobjectType, String keyPath, Collection<String> keys) {
          calls.add("query " + sobjectType + "." + keyPath);
          Map<String, List<String>> found = new HashMap<>();
          keys.forEach(
              k -> {
                if (campaignsByKey.containsKey(k)) {
                  found.put(k, List.of(campaignsByKey.get(k)));
                }
              });
          return found;
        }
      };

  private RecordResult upsertCampaign(RecordWrite w) {
    String key = (String) w.fields().get("BC_Source_Key__c");
    String fault = nextCampaignFault;
    nextCampaignFault = null;
    if (fault != null && !fault.equals("lose")) {
      campaignsByKey.putIfAbsent(key, "701RACE");
      return error(w, fault, false);
    }
    String id = campaignsByKey.computeIfAbsent(key, k -> "701" + (campaignsByKey.size() + 1));
    return "lose".equals(fault) ? error(w, "TIMEOUT", true) : ok(w, id);
  }

  private RecordResult createMember(RecordWrite w) {
    String key = w.fields().get("CampaignId") + "/" + w.fields().get("ContactId");
    memberCreates.add(key);
    String fault = nextMemberFault;
    nextMemberFault = null;
    if (fault != null && !fault.equals("lose")) {
      return error(w, fault, false);
    }
    boolean made = members.add(key);
    if ("lose".equals(fault)) {
      return error(w, "TIMEOUT", true);
    }
    return made ? ok(w, "00v" + members.size()) : error(w, "DUPLICATE_VALUE", false);
  }

  private static RecordResult ok(RecordWrite w, String id) {
    return new RecordResult(w, true, id, true, List.of());
  }

  private static RecordResult error(RecordWrite w, String code, boolean retryable) {
    return new RecordResult(
        w, false, null, false, List.of(new RecordError(code, "planned", null, retryable)));
  }

  private final CampaignEnrolments enrolments = new CampaignEnrolments(fake);
  private final CampaignTarget firstBuyers =
      new CampaignTarget(CampaignTarget.Kind.KEY, "first-order", "First-time buyers", true);

  private Enrolment enrol(String contactId) {
    return new Enrolment(
        firstBuyers, CampaignTarget.fixedKey("s1", "first-order"), contactId, "Sent");
  }

  @Test
  void a_campaign_whose_upsert_answer_was_lost_is_created_once_and_then_cached() {
    nextCampaignFault = "lose";
    Enrolment first = enrol("003A");
    Map<Enrolment, CampaignEnrolments.Failure> lost = enrolments.enrol("s1", List.of(first));
    assertThat(lost.get(first).permanent()).isFalse();

    assertThat(enrolments.enrol("s1", List.of(enrol("003A")))).isEmpty();
    calls.clear();
    assertThat(enrolments.enrol("s1", List.of(enrol("003B"), enrol("003A")))).isEmpty();

    assertThat(campaignsByKey).containsOnlyKeys("s1:campaign:first-order");
    assertThat(members).hasSize(2);
    assertThat(calls).as("cached: one member call").containsExactly("CREATE CampaignMember");
  }

  @Test
  void a_campaign_created_by_another_worker_at_once_is_retried_not_dead_lettered() {
    nextCampaignFault = "DUPLICATE_VALUE";
    Enrolment first = enrol("003C");
    assertThat(enrolments.enrol("s1", List.of(first)).get(first).permanent()).isFalse();

    assertThat(enrolments.enrol("s1", List.of(enrol("003C")))).isEmpty();
    assertThat(members).containsExactly("701RACE/003C");
  }

  @Test
  void a_missing_campaign_by_name_fails_the_enrolment_for_a_retry() {
    CampaignTarget named = new CampaignTarget(CampaignTarget.Kind.NAME, "Spring", null, false);
    Enrolment e = new Enrolment(named, null, "003D", "Sent");
    CampaignEnrolments.Failure failure = enrolments.enrol("s1", List.of(e)).get(e);
    assertThat(failure.error()).isEqualTo("no Campaign is named 'Spring'");
    assertThat(failure.permanent()).isFalse();
    assertThat(members).isEmpty();
  }

  @Test
  void
      a_membership_made_or_found_costs_no_call_again_and_one_asked_twice_in_a_batch_is_sent_once() {
    members.add("7011/003F"); // made by someone else before: found by its refusal
    campaignsByKey.put("s1:campaign:first-order", "7011");

    assertThat(enrolments.enrol("s1", List.of(enrol("003E"), enrol("003E"), enrol("003F"))))
        .isEmpty();
    assertThat(memberCreates).containsExactly("7011/003E", "7011/003F");

    memberCreates.clear();
    calls.clear();
    assertThat(enrolments.enrol("s1", List.of(enrol("003E"), enrol("003F")))).isEmpty();
    assertThat(calls).as("both known: no call at all").isEmpty();

    assertThat(enrolments.enrol("s1", List.of(enrol("003G"), enrol("003E")))).isEmpty();
    assertThat(memberCreates).containsExactly("7011/003G");
    assertThat(members).containsExactlyInAnyOrder("7011/003E", "7011/003F", "7011/003G");
  }

  @Test
  void a_membership_whose_create_answer_was_lost_is_sent_again_and_converges_on_one_member() {
    campaignsByKey.put("s1:campaign:first-order", "7011");
    nextMemberFault = "lose";
    Enrolment lost = enrol("003H");

    CampaignEnrolments.Failure failure = enrolments.enrol("s1", List.of(lost)).get(lost);
    assertThat(failure.permanent()).isFalse();

    // Not remembered as made: the retry sends it, Salesforce refuses the duplicate, that is
    // success.
    assertThat(enrolments.enrol("s1", List.of(enrol("003H")))).isEmpty();
    assertThat(memberCreates).containsExactly("7011/003H", "7011/003H");
    assertThat(members).containsExactly("7011/003H");
  }

  @Test
  void a_refused_membership_fails_every_enrolment_that_shared_its_create_and_is_not_remembered() {
    campaignsByKey.put("s1:campaign:first-order", "7011");
    nextMemberFault = "INVALID_CROSS_REFERENCE_KEY";
    Enrolment one = enrol("003J");
    Enrolment two = enrol("003J");

    Map<Enrolment, CampaignEnrolments.Failure> failed = enrolments.enrol("s1", List.of(one, two));

    assertThat(failed).containsOnlyKeys(one, two);
    assertThat(failed.get(two).error()).contains("INVALID_CROSS_REFERENCE_KEY");
    assertThat(enrolments.enrol("s1", List.of(enrol("003J")))).isEmpty();
    assertThat(members).containsExactly("7011/003J");
  }
}
