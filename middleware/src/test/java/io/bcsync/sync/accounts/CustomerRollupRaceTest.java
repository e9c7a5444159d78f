package io.bcsync.sync.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.config.CustomerFiguresConfig;
import io.bcsync.db.Db;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.mapping.FieldSchema;
import io.bcsync.sync.mapping.FieldType;
import io.bcsync.sync.mapping.ObjectSchema;
import io.bcsync.sync.mapping.SalesforceSchema;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two workers writing one customer's figures at once: the write computed first can land last. As
 * for companies, the roll-up reads the ledger again after writing and writes once more when the
 * figures moved, so the last write is never stale.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerRollupRaceTest implements TestPropertyProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STORE = "crace1";
  private static final String CONTACT = "003000000000009AAA";
  private static final String ACCOUNT = "001000000000009AAA";

  @Inject Db db;
  @Inject LedgerRepository ledgerRows;

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
    CompanyLedger ledger = new CompanyLedger(db, ledgerRows, Clock.systemUTC());
    SalesforceRecords writer = mock(SalesforceRecords.class);
    List<List<RecordWrite>> calls = new ArrayList<>();
    when(writer.write(anyList()))
        .thenAnswer(
            invocation -> {
              List<RecordWrite> writes = invocation.getArgument(0);
              if (calls.isEmpty()) {
                // Meanwhile another worker records a second order of the same customer.
                ledger.record(
                    List.of(
                        new CompanyLedger.Entry(
                            STORE,
                            2,
                            "",
                            new BigDecimal("30.00"),
                            1_700_000_100_000L,
                            true,
                            List.of(),
                            CONTACT)));
              }
              calls.add(writes);
              return new WriteReport(
                  writes.stream()
                      .map(w -> new RecordResult(w, true, CONTACT, false, List.of()))
                      .toList(),
                  1);
            });
    CustomerRollup rollup =
        new CustomerRollup(ledger, writer, mock(ProductCategories.class), figures());

    Map<Long, Outcome> outcomes =
        rollup.apply(
            STORE,
            List.of(
                new CustomerRollup.CustomerOrder(7, order(1, "20.00"), CONTACT, ACCOUNT, false)));

    assertThat(calls).as("written once from a stale ledger, then again").hasSize(2);
    assertThat(calls.get(0))
        .extracting(RecordWrite::sobjectType)
        .containsExactly("Contact", "Account");
    assertThat(calls.get(0).get(0).fields().get("BC_Order_Count__c"))
        .isEqualTo(BigDecimal.valueOf(1));
    for (RecordWrite last : calls.get(1)) {
      assertThat(last.fields().get("BC_Order_Count__c")).isEqualTo(BigDecimal.valueOf(2));
      assertThat(new BigDecimal(last.fields().get("BC_Lifetime_Revenue__c").toString()))
          .isEqualByComparingTo("50.00");
    }
    assertThat(outcomes).isEmpty();
  }

  private static CustomerFigures figures() {
    List<FieldSchema> fields =
        CustomerFigures.FIELDS.stream()
            .map(f -> new FieldSchema(f, FieldType.TEXT, 255, false, null))
            .toList();
    SalesforceSchema schema = name -> Optional.of(new ObjectSchema(name, fields));
    return new CustomerFigures(
        new CustomerFiguresConfig(new BigDecimal("1000"), 180, "VIP", "At Risk", "Standard", 3),
        schema,
        Clock.systemUTC());
  }

  private static JsonNode order(long id, String total) {
    return JSON.createObjectNode()
        .put("id", id)
        .put("status_id", 11)
        .put("total_inc_tax", total)
        .put("refunded_amount", "0.0000")
        .put("date_created", "Tue, 14 Nov 2023 22:13:20 +0000");
  }
}
