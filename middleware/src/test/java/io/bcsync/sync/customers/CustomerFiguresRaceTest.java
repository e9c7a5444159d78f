package io.bcsync.sync.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.config.CustomerFiguresConfig;
import io.bcsync.db.Db;
import io.bcsync.sync.accounts.CompanyLedger;
import io.bcsync.sync.accounts.CustomerFigures;
import io.bcsync.sync.accounts.CustomerRollup;
import io.bcsync.sync.accounts.OwedFigures;
import io.bcsync.sync.accounts.ProductCategories;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteOperation;
import io.bcsync.sync.port.WriteReport;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two workers writing one customer's figures at once: each records its order in the ledger and
 * computes the figures before its Contact write, so the write computed first can land last. The
 * ledger is read again after the write; figures that moved meanwhile are written again (by id, the
 * only figure write in a call of its own), so the last write is never stale.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerFiguresRaceTest implements TestPropertyProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STORE = "crace1";
  private static final String CONTACT = "003000000000009AAA";
  private static final String ACCOUNT = "001000000000009AAA";

  @Inject CompanyLedger ledger;
  @Inject OwedFigures owed;
  @Inject Db db;
  @Inject IdentityMap identities;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.pipeline.workers-enabled", "false");
    return properties;
  }

  @Test
  void figures_that_moved_while_being_written_are_written_again_from_the_ledger() {
    List<List<RecordWrite>> calls = new ArrayList<>();
    CustomerRollup rollup =
        new CustomerRollup(ledger, mock(ProductCategories.class), figures(), owed, db);
    CustomerFiguresWrites writes = new CustomerFiguresWrites(rollup, recording(calls));
    BatchCustomer customer = linkedBuyer(9, 7, order(9, 1, "20.00"));

    CustomerFiguresWrites.Attached attached =
        writes.attach(STORE, List.of(planned(customer, updated(9, customer))));

    List<RecordWrite> planned = attached.customers().get(0).writes();
    assertThat(planned)
        .as("a customer's figures join the Contact and Account upserts its batch makes anyway")
        .extracting(RecordWrite::sobjectType, RecordWrite::operation, RecordWrite::externalIdField)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Contact", WriteOperation.UPSERT, "BC_Customer_Id__c"),
            org.assertj.core.groups.Tuple.tuple(
                "Account", WriteOperation.UPSERT, "BC_Account_Key__c"));
    assertThat(planned.get(0).fields())
        .containsEntry("BC_Customer_Id__c", STORE + ":9")
        .containsEntry("BC_Order_Count__c", BigDecimal.valueOf(1));
    assertThat(planned.get(1).fields()).containsEntry("BC_Account_Key__c", STORE + ":customer:9");

    // Meanwhile another worker records a second order of the same customer (and writes figures
    // that may land before this batch's).
    rollup.record(
        STORE,
        List.of(
            new CustomerRollup.Buyer("customer:9", "", CONTACT, List.of(order(9, 2, "30.00")))));

    Map<Long, ?> later =
        writes.rewriteMoved(
            STORE,
            attached,
            Map.of("customer:9", new CustomerLink(CONTACT, ACCOUNT, null, "customer:9")));

    assertThat(calls).as("one rewrite, by id").hasSize(1);
    assertThat(calls.get(0))
        .extracting(RecordWrite::sobjectType, RecordWrite::operation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Contact", WriteOperation.UPDATE),
            org.assertj.core.groups.Tuple.tuple("Account", WriteOperation.UPDATE));
    for (RecordWrite last : calls.get(0)) {
      assertThat(last.fields().get("BC_Order_Count__c")).isEqualTo(BigDecimal.valueOf(2));
      assertThat(new BigDecimal(last.fields().get("BC_Lifetime_Revenue__c").toString()))
          .isEqualByComparingTo("50.00");
    }
    assertThat(later).isEmpty();
  }

  @Test
  void figures_that_did_not_move_cost_no_call() {
    List<List<RecordWrite>> calls = new ArrayList<>();
    CustomerRollup rollup =
        new CustomerRollup(ledger, mock(ProductCategories.class), figures(), owed, db);
    CustomerFiguresWrites writes = new CustomerFiguresWrites(rollup, recording(calls));
    BatchCustomer customer = linkedBuyer(10, 8, order(10, 3, "10.00"));

    CustomerFiguresWrites.Attached attached =
        writes.attach(STORE, List.of(planned(customer, updated(10, customer))));
    writes.rewriteMoved(
        STORE,
        attached,
        Map.of("customer:10", new CustomerLink(CONTACT, ACCOUNT, null, "customer:10")));

    assertThat(calls).isEmpty();
  }

  @Test
  void an_order_recorded_during_the_flush_keeps_the_customer_owed() {
    identities.saveNew(
        List.of(
            new Identity(
                STORE, "customer", "11", "Contact", CONTACT, ACCOUNT, null, null, "created")));
    List<List<RecordWrite>> calls = new ArrayList<>();
    CustomerRollup rollup =
        new CustomerRollup(ledger, mock(ProductCategories.class), figures(), owed, db);
    CustomerFiguresWrites writes = new CustomerFiguresWrites(rollup, recording(calls));
    BatchCustomer customer = linkedBuyer(11, 12, order(11, 4, "20.00"));

    CustomerFiguresWrites.Attached attached =
        writes.attach(STORE, List.of(planned(customer, List.of())));
    assertThat(attached.customers().get(0).writes())
        .as("a linked customer with nothing to write gets no write of its own: it is owed")
        .isEmpty();

    // While the flush's write is in flight, another worker records a second order of the customer.
    SalesforceRecords recording = recording(calls);
    SalesforceRecords writer = mock(SalesforceRecords.class);
    when(writer.write(anyList()))
        .thenAnswer(
            invocation -> {
              if (calls.isEmpty()) {
                rollup.record(
                    STORE,
                    List.of(
                        new CustomerRollup.Buyer(
                            "customer:11", "", CONTACT, List.of(order(11, 5, "30.00")))),
                    java.util.Set.of("customer:11"));
              }
              return recording.write(invocation.getArgument(0));
            });
    CustomerFiguresFlush flush = new CustomerFiguresFlush(owed, rollup, identities, writer);

    assertThat(flush.run()).as("the mark moved on: not cleared").isZero();
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0))
        .extracting(RecordWrite::sobjectType, RecordWrite::operation, RecordWrite::externalIdField)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Contact", WriteOperation.UPSERT, "BC_Customer_Id__c"),
            org.assertj.core.groups.Tuple.tuple(
                "Account", WriteOperation.UPSERT, "BC_Account_Key__c"));
    assertThat(calls.get(0).get(0).fields()).containsEntry("BC_Order_Count__c", BigDecimal.ONE);

    assertThat(flush.run()).as("the next run writes the new figures").isEqualTo(1);
    assertThat(calls).hasSize(2);
    for (RecordWrite last : calls.get(1)) {
      assertThat(last.fields().get("BC_Order_Count__c")).isEqualTo(BigDecimal.valueOf(2));
    }
    assertThat(flush.run()).as("nothing owed any more").isZero();
    assertThat(calls).hasSize(2);
  }

  private static SalesforceRecords recording(List<List<RecordWrite>> calls) {
    SalesforceRecords writer = mock(SalesforceRecords.class);
    when(writer.write(anyList()))
        .thenAnswer(
            invocation -> {
              List<RecordWrite> writes = invocation.getArgument(0);
              calls.add(writes);
              return new WriteReport(
                  writes.stream()
                      .map(w -> new RecordResult(w, true, CONTACT, false, List.of()))
                      .toList(),
                  1);
            });
    return writer;
  }

  /** A customer linked before (Contact and household Account made for it), buying one order. */
  private static BatchCustomer linkedBuyer(long customerId, long itemId, JsonNode order) {
    CustomerRef ref = CustomerRef.ofOrder(STORE, order).orElseThrow();
    return BatchCustomer.merge(List.of(new CustomerNeed(ref, itemId, true)))
        .get(0)
        .withIdentity(
            new Identity(
                STORE,
                "customer",
                String.valueOf(customerId),
                "Contact",
                CONTACT,
                ACCOUNT,
                null,
                null,
                "created"));
  }

  /** The writes of a customer whose own record changed: its Contact and household Account. */
  private static List<RecordWrite> updated(long customerId, BatchCustomer customer) {
    return List.of(
        RecordWrite.upsert(
            customer.owner(),
            "Contact",
            "BC_Customer_Id__c",
            new HashMap<>(Map.of("BC_Customer_Id__c", STORE + ":" + customerId))),
        RecordWrite.upsert(
            customer.owner(),
            "Account",
            "BC_Account_Key__c",
            new HashMap<>(Map.of("BC_Account_Key__c", STORE + ":customer:" + customerId))));
  }

  private static PlannedCustomer planned(BatchCustomer customer, List<RecordWrite> writes) {
    return new PlannedCustomer(
        DecidedCustomer.linked(customer), CONTACT, ACCOUNT, null, writes, null);
  }

  private static CustomerFigures figures() {
    return TextFigureFields.figures(
        new CustomerFiguresConfig(new BigDecimal("1000"), 180, "VIP", "At Risk", "Standard", 3),
        Clock.systemUTC());
  }

  private static JsonNode order(long customerId, long id, String total) {
    ObjectNode order =
        JSON.createObjectNode()
            .put("id", id)
            .put("customer_id", customerId)
            .put("status_id", 11)
            .put("total_inc_tax", total)
            .put("refunded_amount", "0.0000")
            .put("date_created", "Tue, 14 Nov 2023 22:13:20 +0000");
    order.putObject("billing_address").put("email", "race" + customerId + "@example.com");
    return order;
  }
}
