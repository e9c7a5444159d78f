package io.bcsync.sync.requests;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.Db;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Old sync requests are deleted once answered; one still owing its status is kept. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncRequestsRetentionTest implements TestPropertyProvider {
  @Inject SyncRequests requests;
  @Inject SyncRequestRepository rows;
  @Inject Db db;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    return properties;
  }

  @Test
  void only_answered_requests_older_than_the_retention_are_deleted() {
    db.write(
        () -> {
          rows.save(row(1, SyncRequestRow.SUCCESS, SyncRequestRow.SUCCESS, 1_000));
          rows.save(row(2, SyncRequestRow.FAILED, null, 1_000)); // still owes its answer
          rows.save(row(3, SyncRequestRow.QUEUED, null, 1_000)); // still waiting
          rows.save(row(4, SyncRequestRow.SKIPPED, SyncRequestRow.SKIPPED, 9_000)); // recent
          return null;
        });

    assertThat(requests.deleteAnsweredBefore(5_000)).isEqualTo(1);

    assertThat(requests.newest(Optional.empty(), 10))
        .extracting(SyncRequestRow::requestItemId)
        .containsExactly(4L, 3L, 2L);
  }

  private static SyncRequestRow row(long item, String status, String published, long updatedAt) {
    return new SyncRequestRow(
        null,
        "00D000000000001EAA",
        item,
        "c-" + item,
        "RESYNC",
        "Order",
        null,
        "s:1",
        "s|order|1",
        "TO_SALESFORCE",
        status,
        null,
        null,
        null,
        published,
        updatedAt,
        updatedAt);
  }
}
