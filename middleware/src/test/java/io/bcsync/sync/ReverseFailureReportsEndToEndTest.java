package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.pipeline.WorkItemStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bad data that arrives by change event (no PUSH asked for it) is dead-lettered and reported in one
 * FAILED {@code BC_Sync_Status__e} naming the record and the reason (issue 17), over both
 * simulators; later, unrelated items publish no second report.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseFailureReportsEndToEndTest extends ReverseEndToEndTestBase {
  static final String STORE = "revf1";
  static final String SECRET = "revf-webhook-secret-0123456789";

  ReverseFailureReportsEndToEndTest() {
    super(STORE, SECRET, CATALOG_CHANNELS);
  }

  @Test
  void bad_data_from_a_change_event_is_reported_once_as_a_failure() {
    long lamp = store.createProduct("Lamp", "LAMP-F", new BigDecimal("30.00"));
    long desk = store.createProduct("Desk", "DESK-F", new BigDecimal("90.00"));
    String lampEntry = pricedEntry("LAMP-F", "30.00");
    String deskEntry = pricedEntry("DESK-F", "90.00");
    String lampProduct =
        sf.record(lampEntry).map(r -> r.get("Product2Id").toString()).orElseThrow();
    await().atMost(WAIT).until(() -> price(desk).compareTo(new BigDecimal("90.00")) == 0);
    records.awaitDone();
    assertThat(reportsFor(lampEntry)).as("nothing failed yet").isEmpty();

    sf.updateAsUser(lampEntry, Map.of("UnitPrice", new BigDecimal("-5.00")));
    sf.updateAsUser(lampProduct, Map.of("Name", "L".repeat(251)));

    await().atMost(WAIT).until(() -> !reportsFor(lampEntry).isEmpty());
    await().atMost(WAIT).until(() -> !reportsFor(lampProduct).isEmpty());
    assertThat(reportsFor(lampEntry).get(0))
        .containsEntry("BC_Status__c", "FAILED")
        .containsEntry("BC_Object_Name__c", "PricebookEntry")
        .containsEntry("BC_Direction__c", "TO_BIGCOMMERCE")
        .doesNotContainKey("BC_Correlation_Id__c")
        .hasEntrySatisfying(
            "BC_Message__c", m -> assertThat(m.toString()).contains("negative UnitPrice (-5"));
    assertThat(reportsFor(lampProduct).get(0))
        .containsEntry("BC_Status__c", "FAILED")
        .containsEntry("BC_Object_Name__c", "Product2")
        .hasEntrySatisfying(
            "BC_Message__c", m -> assertThat(m.toString()).contains("name of 251 characters"));
    assertThat(price(lamp)).as("nothing of the bad entry was sent").isEqualByComparingTo("30.00");
    assertThat(
            inspector.workItems(Optional.empty(), Optional.empty(), 500).stream()
                .filter(i -> i.entity().id().equals(lampEntry))
                .filter(i -> i.status() == WorkItemStatus.DEAD))
        .as("the bad entry's item is dead-lettered")
        .hasSize(1);

    // An unrelated change afterwards runs through the same observer: no second report.
    sf.updateAsUser(deskEntry, Map.of("UnitPrice", new BigDecimal("95.00")));
    await().atMost(WAIT).until(() -> price(desk).compareTo(new BigDecimal("95.00")) == 0);
    await().atMost(WAIT).until(this::ended);

    assertThat(reportsFor(lampEntry)).as("reported once").hasSize(1);
    assertThat(reportsFor(lampProduct)).as("reported once").hasSize(1);
    assertThat(reportsFor(deskEntry)).as("a written entry is not reported").isEmpty();
  }

  /** The BC_Sync_Status__e payloads naming a record. */
  private List<Map<String, Object>> reportsFor(String recordId) {
    return statusReports().stream()
        .filter(payload -> recordId.equals(payload.get("BC_Record_Id__c")))
        .toList();
  }
}
