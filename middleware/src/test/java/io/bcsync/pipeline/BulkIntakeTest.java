package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Events recorded a group per transaction give what recording them one by one gives: duplicates
 * within the list and against stored keys, one open item per entity; and a group that cannot commit
 * together is recorded one by one, its good events kept.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkIntakeTest implements TestPropertyProvider {
  @Inject BulkIntake bulk;
  @Inject Db db;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("test.scripted-handler", "true");
    return properties;
  }

  @BeforeEach
  void setUp() {
    Tables.clear(db);
  }

  @Test
  void a_list_is_recorded_as_one_by_one_would_record_it() {
    List<IntakeResult> first =
        bulk.recordAll(
            List.of(
                event("1", "hash-a"),
                event("1", "hash-b"),
                event("2", "hash-c"),
                event("2", "hash-c")));

    assertThat(first.subList(0, 3)).allMatch(IntakeResult.Accepted.class::isInstance);
    assertThat(first.get(3)).isInstanceOf(IntakeResult.Duplicate.class);
    assertThat(itemId(first.get(1))).as("one open item per entity").isEqualTo(itemId(first.get(0)));
    assertThat(itemId(first.get(2))).isNotEqualTo(itemId(first.get(0)));

    List<IntakeResult> second = bulk.recordAll(List.of(event("3", "hash-d"), event("1", "hash-a")));
    assertThat(second.get(0)).isInstanceOf(IntakeResult.Accepted.class);
    assertThat(second.get(1)).as("a key stored earlier").isInstanceOf(IntakeResult.Duplicate.class);
    assertThat(count("webhook_event")).isEqualTo(4);
    assertThat(count("work_item")).isEqualTo(3);
  }

  @Test
  void more_events_than_a_group_take_several_groups_and_lose_none() {
    List<IncomingEvent> events = new java.util.ArrayList<>();
    for (int i = 0; i < BulkIntake.GROUP_SIZE * 2 + 5; i++) {
      events.add(event(String.valueOf(i), "hash-" + i));
    }

    assertThat(bulk.recordAll(events)).allMatch(IntakeResult.Accepted.class::isInstance);
    assertThat(count("work_item")).isEqualTo(events.size());
  }

  @Test
  void a_group_that_cannot_commit_together_is_recorded_one_by_one() {
    // A scope longer than its column (VARCHAR(200)): the group's insert fails, and so does that
    // event alone; the events before it are kept, as one by one would keep them.
    List<IncomingEvent> events =
        List.of(
            event("10", "hash-x"), event("11", "hash-y"), event("12", "hash-z", "s".repeat(300)));

    assertThatThrownBy(() -> bulk.recordAll(events)).isInstanceOf(DataAccessFailure.class);

    assertThat(count("work_item")).isEqualTo(2);
    assertThat(count("webhook_event")).isEqualTo(2);
  }

  private static IncomingEvent event(String id, String hash) {
    return event(id, hash, "bcsync/catch-up/orders");
  }

  private static IncomingEvent event(String id, String hash, String scope) {
    return new IncomingEvent(
        new EntityRef(WebhookCalls.STORE, "order", id),
        scope,
        "stores/" + WebhookCalls.STORE,
        null,
        hash,
        1_700_000_000L,
        "{}");
  }

  private static long itemId(IntakeResult result) {
    return ((IntakeResult.Accepted) result).workItemId();
  }

  private long count(String table) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement("SELECT COUNT(*) FROM " + table)) {
            return Sql.rows(select, rs -> rs.getLong(1)).get(0);
          }
        });
  }
}
