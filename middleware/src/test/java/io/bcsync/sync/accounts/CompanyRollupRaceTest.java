package io.bcsync.sync.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.db.Db;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.context.env.Environment;
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
 * Two workers writing one company's figures at once: the write computed first can land last. The
 * roll-up reads the ledger again after writing and writes once more when the figures moved, so the
 * last write is never stale.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyRollupRaceTest implements TestPropertyProvider {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STORE = "race1";
  private static final String COMPANY = STORE + ":domain:acme.test";

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
  void figures_that_moved_while_being_written_are_written_again_from_the_ledger() throws Exception {
    CompanyLedger ledger = new CompanyLedger(db, ledgerRows, Clock.systemUTC());
    SalesforceRecords writer = mock(SalesforceRecords.class);
    List<List<RecordWrite>> calls = new ArrayList<>();
    when(writer.write(anyList()))
        .thenAnswer(
            invocation -> {
              List<RecordWrite> writes = invocation.getArgument(0);
              if (calls.isEmpty()) {
                // Meanwhile another worker records a second order of the same company (and writes
                // its own figures).
                ledger.record(
                    List.of(
                        new CompanyLedger.Entry(
                            STORE,
                            2,
                            COMPANY,
                            new BigDecimal("30.00"),
                            1_700_000_100_000L,
                            true,
                            List.of(),
                            "003000000000002AAA",
                            "customer:2")));
              }
              calls.add(writes);
              return new WriteReport(
                  writes.stream()
                      .map(w -> new RecordResult(w, true, "001000000000001AAA", false, List.of()))
                      .toList(),
                  1);
            });
    CompanyRollup rollup =
        new CompanyRollup(
            ledger,
            writer,
            mock(ProductCategories.class),
            mock(Environment.class),
            Clock.systemUTC());
    Map<Long, Outcome> outcomes =
        rollup.apply(
            STORE,
            List.of(
                new CompanyRollup.CompanyOrder(
                    7,
                    order(1, "20.00"),
                    COMPANY,
                    "acme.test",
                    "003000000000001AAA",
                    "customer:1")));

    assertThat(calls).as("written once from a stale ledger, then again").hasSize(2);
    assertThat(calls.get(0).get(0).fields().get("BC_Order_Count__c"))
        .isEqualTo(BigDecimal.valueOf(1));
    Map<String, Object> last = calls.get(1).get(0).fields();
    assertThat(last.get("BC_Order_Count__c")).isEqualTo(BigDecimal.valueOf(2));
    assertThat(new BigDecimal(last.get("BC_Lifetime_Revenue__c").toString()))
        .isEqualByComparingTo("50.00");
    assertThat(outcomes).doesNotContainKey(7L);
  }

  @Test
  void figures_that_did_not_move_are_written_once() throws Exception {
    CompanyLedger ledger = new CompanyLedger(db, ledgerRows, Clock.systemUTC());
    SalesforceRecords writer = mock(SalesforceRecords.class);
    List<List<RecordWrite>> calls = new ArrayList<>();
    when(writer.write(anyList()))
        .thenAnswer(
            invocation -> {
              List<RecordWrite> writes = invocation.getArgument(0);
              calls.add(writes);
              return new WriteReport(
                  writes.stream()
                      .map(w -> new RecordResult(w, true, "001000000000002AAA", false, List.of()))
                      .toList(),
                  1);
            });
    CompanyRollup rollup =
        new CompanyRollup(
            ledger,
            writer,
            mock(ProductCategories.class),
            mock(Environment.class),
            Clock.systemUTC());

    rollup.apply(
        STORE,
        List.of(
            new CompanyRollup.CompanyOrder(
                8,
                order(3, "10.00"),
                STORE + ":domain:calm.test",
                "calm.test",
                "003000000000003AAA",
                "customer:3")));

    assertThat(calls).hasSize(1);
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
