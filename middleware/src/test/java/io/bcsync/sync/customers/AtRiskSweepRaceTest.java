package io.bcsync.sync.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.config.CustomerFiguresConfig;
import io.bcsync.db.Db;
import io.bcsync.sync.accounts.CompanyLedger;
import io.bcsync.sync.accounts.CustomerRollup;
import io.bcsync.sync.accounts.OwedFigures;
import io.bcsync.sync.accounts.ProductCategories;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A customer who orders while the sweep marks it At Risk: the order's own figures may land before
 * the sweep's stale segment. The sweep reads the ledger again after writing and writes the customer
 * again with all its figures, so "At Risk" does not outlive the new order.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtRiskSweepRaceTest implements TestPropertyProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STORE = "sweeprace1";
  private static final String CONTACT = "003000000000011AAA";
  private static final String ACCOUNT = "001000000000011AAA";
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  @Inject CompanyLedger ledger;
  @Inject IdentityMap identities;
  @Inject Db db;
  @Inject OwedFigures owed;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.pipeline.workers-enabled", "false");
    return properties;
  }

  @Test
  void a_customer_who_orders_while_being_swept_ends_with_its_new_figures() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    CustomerFiguresConfig config =
        new CustomerFiguresConfig(new BigDecimal("1000"), 30, "VIP", "At Risk", "Standard", 3);
    CustomerRollup rollup =
        new CustomerRollup(
            ledger,
            mock(ProductCategories.class),
            TextFigureFields.figures(config, clock),
            owed,
            db);
    identities.saveNew(
        List.of(
            new Identity(
                STORE, "customer", "11", "Contact", CONTACT, ACCOUNT, null, null, "created")));
    rollup.record(
        STORE,
        List.of(
            new CustomerRollup.Buyer(
                "customer:11", "", CONTACT, List.of(order(1, NOW.minus(Duration.ofDays(40)))))));
    List<List<RecordWrite>> calls = new ArrayList<>();
    SalesforceRecords writer = mock(SalesforceRecords.class);
    when(writer.write(anyList()))
        .thenAnswer(
            invocation -> {
              List<RecordWrite> writes = invocation.getArgument(0);
              if (calls.isEmpty()) {
                // Meanwhile the customer orders, and a worker records (and writes) it.
                rollup.record(
                    STORE,
                    List.of(
                        new CustomerRollup.Buyer(
                            "customer:11",
                            "",
                            CONTACT,
                            List.of(order(2, NOW.minus(Duration.ofDays(1)))))));
              }
              calls.add(writes);
              return new WriteReport(
                  writes.stream()
                      .map(w -> new RecordResult(w, true, CONTACT, false, List.of()))
                      .toList(),
                  1);
            });
    AtRiskSweep sweep = new AtRiskSweep(ledger, rollup, config, identities, writer, db, clock);

    assertThat(sweep.run()).isEqualTo(1);

    assertThat(calls).as("the segment, then the customer again").hasSize(2);
    assertThat(calls.get(0))
        .allSatisfy(w -> assertThat(w.fields()).containsEntry("BC_Segment__c", "At Risk"));
    assertThat(calls.get(1))
        .extracting(RecordWrite::sobjectType)
        .containsExactly("Contact", "Account");
    assertThat(calls.get(1))
        .allSatisfy(
            w ->
                assertThat(w.fields())
                    .containsEntry("BC_Segment__c", "Standard")
                    .containsEntry("BC_Order_Count__c", BigDecimal.valueOf(2)));
  }

  private static JsonNode order(long id, Instant created) {
    return JSON.createObjectNode()
        .put("id", id)
        .put("customer_id", 11)
        .put("status_id", 11)
        .put("total_inc_tax", "20.00")
        .put("refunded_amount", "0.0000")
        .put(
            "date_created",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(created.atZone(ZoneOffset.UTC)));
  }
}
