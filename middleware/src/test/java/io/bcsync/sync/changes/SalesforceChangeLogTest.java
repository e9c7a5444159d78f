package io.bcsync.sync.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.Db;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The record-change log: pages newest first, filters by object and record, and ages out. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesforceChangeLogTest implements TestPropertyProvider {
  @Inject SalesforceChangeLog log;
  @Inject Db db;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    return properties;
  }

  @Test
  void changes_page_newest_first_filter_by_record_and_are_deleted_once_older_than_retention() {
    log.record(
        List.of(
            change("Contact", "003000000000001AAA", "CREATE", 1_000),
            change("Contact", "003000000000002AAA", "UPDATE", 2_000),
            change("Account", "001000000000001AAA", "GAP_UPDATE", 3_000),
            change("Contact", "003000000000001AAA", "UPDATE", 4_000)));

    List<SalesforceChangeRow> all =
        log.newest(Optional.empty(), Optional.empty(), Optional.empty(), 3);
    assertThat(all)
        .extracting(SalesforceChangeRow::recordedAtMs)
        .containsExactly(4_000L, 3_000L, 2_000L);
    assertThat(log.newest(Optional.empty(), Optional.empty(), Optional.of(all.get(2).id()), 10))
        .extracting(SalesforceChangeRow::recordedAtMs)
        .containsExactly(1_000L);
    assertThat(
            log.newest(
                Optional.of("Contact"), Optional.of("003000000000001AAA"), Optional.empty(), 10))
        .extracting(SalesforceChangeRow::changeTypes)
        .containsExactly("UPDATE", "CREATE");

    assertThat(log.deleteRecordedBefore(2_500)).isEqualTo(2);
    assertThat(log.newest(Optional.empty(), Optional.empty(), Optional.empty(), 10))
        .extracting(SalesforceChangeRow::recordedAtMs)
        .containsExactly(4_000L, 3_000L);
  }

  private static SalesforceChangeRow change(
      String sobject, String recordId, String types, long recordedAtMs) {
    return new SalesforceChangeRow(
        null, "00D000000000001EAA", sobject, recordId, types, null, 1, 1, recordedAtMs);
  }
}
