package io.bcsync.sync.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteOperation;
import io.bcsync.sync.port.WriteReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Case write: one Case per order and reason by {@code BC_Case_Key__c}, owned by the rule's
 * Queue when created, updated (without re-owning it) by later events, and made once when the answer
 * to its upsert was lost.
 */
class CaseWritesTest {
  private static final String QUEUE_ID = "00G000000000001AAA";
  private static final RuleAction.OpenCase DECLINED =
      new RuleAction.OpenCase("Payment Declined", "BC_Order_Problems", "Web", "High", "Problem");

  /** Cases in the fake org by key (lower-cased, as the unique case-insensitive field matches). */
  private final Map<String, Map<String, Object>> cases = new LinkedHashMap<>();

  private final List<RecordWrite> sent = new ArrayList<>();
  private boolean loseNextAnswer;
  private SalesforceRecords salesforce;
  private CaseWrites writes;

  @BeforeEach
  void setUp() {
    salesforce = mock(SalesforceRecords.class);
    when(salesforce.idsByKey(eq("Group"), eq("DeveloperName"), anyCollection()))
        .thenAnswer(
            call -> {
              Collection<String> names = call.getArgument(2);
              return names.contains("BC_Order_Problems")
                  ? Map.of("BC_Order_Problems", List.of(QUEUE_ID))
                  : Map.of();
            });
    when(salesforce.read(eq("Group"), anyList(), anyCollection()))
        .thenReturn(
            Map.of(QUEUE_ID, Map.of("Type", "Queue", "DeveloperName", "BC_Order_Problems")));
    when(salesforce.idsByKey(eq("Case"), eq("BC_Case_Key__c"), anyCollection()))
        .thenAnswer(
            call -> {
              Map<String, List<String>> found = new LinkedHashMap<>();
              for (String key : (Collection<String>) call.getArgument(2)) {
                if (cases.containsKey(key.toLowerCase())) {
                  found.put(key, List.of("500" + key.hashCode()));
                }
              }
              return found;
            });
    when(salesforce.write(any())).thenAnswer(call -> write(call.getArgument(0)));
    writes = new CaseWrites(salesforce);
  }

  /**
   * A create of an existing key is refused with DUPLICATE_VALUE (the unique external id), as
   * Salesforce does; an upsert creates or updates by the key.
   */
  private WriteReport write(List<RecordWrite> batch) {
    List<RecordResult> results = new ArrayList<>();
    for (RecordWrite w : batch) {
      sent.add(w);
      String key = w.fields().get("BC_Case_Key__c").toString().toLowerCase();
      if (w.operation() == WriteOperation.CREATE && cases.containsKey(key)) {
        results.add(
            new RecordResult(
                w,
                false,
                null,
                false,
                List.of(
                    new RecordError(
                        "DUPLICATE_VALUE",
                        "duplicate value found: BC_Case_Key__c duplicates value on record with id:"
                            + " 500x",
                        List.of(),
                        false))));
        continue;
      }
      cases.computeIfAbsent(key, k -> new LinkedHashMap<>()).putAll(w.fields());
      results.add(
          loseNextAnswer
              ? new RecordResult(
                  w, false, null, false, List.of(new RecordError("TIMEOUT", "lost", null, true)))
              : new RecordResult(w, true, "500x", true, List.of()));
    }
    loseNextAnswer = false;
    return new WriteReport(results, 1);
  }

  private static JsonNode order(int statusId, String status) throws Exception {
    return new ObjectMapper()
        .readTree(
            """
            {"id": 101, "status_id": %d, "status": "%s", "date_created": "Mon, 07 Dec 2026 02:00:00 +0000",
             "currency_code": "USD", "subtotal_inc_tax": "40.0000", "shipping_cost_inc_tax": "5.0000",
             "total_tax": "0.0000", "total_inc_tax": "45.0000", "payment_method": "Credit Card",
             "billing_address": {"first_name": "Dee", "last_name": "Clined", "email": "dee@example.com"},
             "products": [{"sku": "MUG-1", "name": "Mug", "quantity": 2, "price_inc_tax": "20.0000"}]}
            """
                .formatted(statusId, status));
  }

  private CaseRequest request(int statusId, String status) throws Exception {
    return CaseContext.request(
        "abc",
        order(statusId, status),
        DECLINED,
        "003C",
        "001A",
        "Order",
        "801O",
        ProblemFacts.none());
  }

  @Test
  void a_new_case_is_owned_by_the_queue_linked_and_carries_the_order_context() throws Exception {
    assertThat(writeAll(List.of(request(6, "Declined")))).isEmpty();

    // A new Case costs one create call and no query: the unique key refuses a second one.
    assertThat(sent)
        .singleElement()
        .satisfies(w -> assertThat(w.operation()).isEqualTo(WriteOperation.CREATE));
    verify(salesforce, never()).idsByKey(eq("Case"), any(), anyCollection());
    Map<String, Object> c = cases.get("abc:101:payment declined");
    assertThat(c)
        .containsEntry("BC_Case_Key__c", "abc:101:Payment Declined")
        .containsEntry("BC_Reason__c", "Payment Declined")
        .containsEntry("OwnerId", QUEUE_ID)
        .containsEntry("ContactId", "003C")
        .containsEntry("AccountId", "001A")
        .containsEntry("BC_Related_Order__c", "801O")
        .containsEntry("Origin", "Web")
        .containsEntry("Priority", "High")
        .containsEntry("Type", "Problem")
        .containsEntry("Subject", "Payment Declined: BigCommerce order #101 (Declined)");
    assertThat(c.get("Description").toString())
        .contains("Status: Declined")
        .contains("Total: 45.0000 USD")
        .contains("- MUG-1 x 2 @ 20.0000 Mug")
        .contains("Dee Clined <dee@example.com>")
        .contains("https://store-abc.mybigcommerce.com/manage/orders/101");
  }

  @Test
  void a_later_event_updates_the_same_case_without_taking_it_back_from_whoever_owns_it()
      throws Exception {
    writeAll(List.of(request(6, "Declined")));
    cases.get("abc:101:payment declined").put("OwnerId", "005AGENT");
    cases.get("abc:101:payment declined").put("Priority", "Low");

    assertThat(writeAll(List.of(request(5, "Cancelled")))).isEmpty();

    assertThat(cases).hasSize(1);
    assertThat(cases.get("abc:101:payment declined"))
        .containsEntry("OwnerId", "005AGENT")
        .containsEntry("Priority", "Low")
        .containsEntry("Subject", "Payment Declined: BigCommerce order #101 (Cancelled)");
    // The create was refused as existing; the update by the key leaves owner and triage alone.
    assertThat(sent).hasSize(3);
    assertThat(sent.get(2).operation()).isEqualTo(WriteOperation.UPSERT);
    assertThat(sent.get(2).externalIdField()).isEqualTo("BC_Case_Key__c");
    assertThat(sent.get(2).fields()).doesNotContainKeys("OwnerId", "Origin", "Priority", "Type");
    // The Queue was looked up once, then cached.
    verify(salesforce, times(1)).idsByKey(eq("Group"), eq("DeveloperName"), anyCollection());
  }

  @Test
  void a_case_whose_upsert_answer_was_lost_is_retryable_and_the_retry_updates_it()
      throws Exception {
    loseNextAnswer = true;
    Map<CaseRequest, CampaignEnrolments.Failure> lost = writeAll(List.of(request(6, "Declined")));
    assertThat(lost.values()).singleElement().satisfies(f -> assertThat(f.permanent()).isFalse());

    assertThat(writeAll(List.of(request(6, "Declined")))).isEmpty();

    assertThat(cases).hasSize(1);
    assertThat(cases.get("abc:101:payment declined")).containsEntry("OwnerId", QUEUE_ID);
    assertThat(sent.get(sent.size() - 1).fields()).doesNotContainKey("OwnerId");
  }

  @Test
  void an_existing_case_is_updated_even_while_its_queue_is_missing_and_a_new_one_waits()
      throws Exception {
    RuleAction.OpenCase noQueue =
        new RuleAction.OpenCase("Payment Declined", "Nope", null, null, null);
    CaseRequest existing =
        CaseContext.request(
            "abc",
            order(6, "Declined"),
            noQueue,
            "003C",
            null,
            "Order",
            "801O",
            ProblemFacts.none());
    cases.put("abc:101:payment declined", new LinkedHashMap<>(Map.of("OwnerId", "005AGENT")));
    JsonNode other = order(6, "Declined");
    ((com.fasterxml.jackson.databind.node.ObjectNode) other).put("id", 102);
    CaseRequest fresh =
        CaseContext.request(
            "abc", other, noQueue, "003C", null, "Order", "801P", ProblemFacts.none());

    Map<CaseRequest, CampaignEnrolments.Failure> failed = writeAll(List.of(existing, fresh));

    assertThat(failed).containsOnlyKeys(fresh);
    assertThat(failed.get(fresh).permanent()).isFalse();
    assertThat(cases).containsOnlyKeys("abc:101:payment declined");
    assertThat(cases.get("abc:101:payment declined"))
        .containsEntry("OwnerId", "005AGENT")
        .containsEntry("Subject", "Payment Declined: BigCommerce order #101 (Declined)");
  }

  @Test
  void a_queue_that_does_not_exist_is_retried_and_nothing_is_written() throws Exception {
    CaseRequest r =
        CaseContext.request(
            "abc",
            order(6, "Declined"),
            new RuleAction.OpenCase("Payment Declined", "Nope", null, null, null),
            "003C",
            null,
            "Opportunity",
            "006O",
            ProblemFacts.none());

    Map<CaseRequest, CampaignEnrolments.Failure> failed = writeAll(List.of(r));

    assertThat(failed.get(r).error()).contains("no Queue has DeveloperName 'Nope'");
    assertThat(failed.get(r).permanent()).isFalse();
    assertThat(sent).isEmpty();
    // The Opportunity target has no Case lookup in the package: the Case stays unlinked.
    assertThat(r.fields()).doesNotContainKeys("BC_Related_Order__c", "BC_Related_BC_Order__c");
  }

  @Test
  void two_rules_asking_for_the_same_case_in_one_batch_write_it_once() throws Exception {
    CaseRequest one = request(6, "Declined");
    CaseRequest two = request(6, "Declined");

    assertThat(writeAll(List.of(one, two))).isEmpty();

    assertThat(sent).hasSize(1);
    assertThat(cases).hasSize(1);
  }

  /** Writes the requests; the Case ids the caller would show are not what these tests check. */
  private Map<CaseRequest, CampaignEnrolments.Failure> writeAll(List<CaseRequest> requests) {
    return writes.write(requests, new java.util.HashMap<>());
  }
}
