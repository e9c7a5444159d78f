package io.bcsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.Db;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.IncomingEvent;
import io.bcsync.pipeline.QueueActivity.DeadLetterFilter;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkQueue;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The failed-records page past its newest 100 dead letters: an "Older failed records" link pages
 * back ({@code ?before=}), and the link a review's held work gives to its dead letter starts the
 * page at that record, so it is there however many newer ones the store has.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailedRecordsPagingTest implements TestPropertyProvider {
  static final String STORE = WebhookCalls.STORE;
  static final int DEAD = FailedRecords.PAGE_SIZE + 5;

  @Inject FailedRecords failedRecords;
  @Inject EventIntake intake;
  @Inject WorkQueue queue;
  @Inject ConsoleSessions sessions;
  @Inject EmbeddedServer server;
  @Inject Db db;

  /** Oldest first. */
  private final List<Long> dead = new ArrayList<>();

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2()); // the store's settings turn workers and scheduler off
    return properties;
  }

  @BeforeAll
  void deadLetterMoreThanAPage() {
    Tables.clear(db);
    long now = System.currentTimeMillis();
    for (int order = 1; order <= DEAD; order++) {
      intake.record(
          new IncomingEvent(
              new EntityRef(STORE, "order", String.valueOf(order)),
              "store/order/created",
              "stores/" + STORE,
              null,
              "hash-order" + order,
              now / 1000,
              "{\"id\":" + order + "}"));
    }
    // Claimed as if a little later, when every item recorded above is due.
    long later = System.currentTimeMillis() + 10_000;
    List<WorkItem> claimed = queue.claim("t", DEAD, later, later + 60_000);
    assertThat(claimed).hasSize(DEAD);
    for (WorkItem item : claimed) {
      queue.deadLetter(item.id(), "t", later + 1, "Order upsert failed: INVALID_FIELD");
      dead.add(item.id());
    }
    dead.sort(null);
  }

  @Test
  void the_newest_page_links_to_the_older_ones_and_they_back_to_the_newest() {
    DeadLetterFilter orders = DeadLetterFilter.of(STORE, "order", null);

    FailedRecords.FailedPage newest = failedRecords.page(orders, Optional.empty(), List.of());
    assertThat(newest.rows()).hasSize(FailedRecords.PAGE_SIZE);
    long lastShown = dead.get(DEAD - FailedRecords.PAGE_SIZE);
    assertThat(newest.rows().get(0).item().id()).isEqualTo(dead.get(DEAD - 1));
    assertThat(newest.rows().get(FailedRecords.PAGE_SIZE - 1).item().id()).isEqualTo(lastShown);
    assertThat(newest.more()).isTrue();
    assertThat(newest.newestHref()).isNull();
    assertThat(newest.olderHref())
        .isEqualTo("/failed?store=" + STORE + "&kind=order&before=" + lastShown);

    FailedRecords.FailedPage older = failedRecords.page(orders, Optional.of(lastShown), List.of());
    assertThat(older.rows())
        .extracting(row -> row.item().id())
        .containsExactly(dead.get(4), dead.get(3), dead.get(2), dead.get(1), dead.get(0));
    assertThat(older.olderHref()).isNull();
    assertThat(older.more()).isFalse();
    assertThat(older.newestHref()).isEqualTo("/failed?store=" + STORE + "&kind=order");
  }

  @Test
  void the_link_to_a_dead_letter_finds_it_beyond_the_newest_page() throws Exception {
    long oldest = dead.get(0);
    String link =
        FailedRecords.href(
            DeadLetterFilter.of(STORE, "order", null), Optional.of(oldest + 1), List.of());

    HttpResponse<String> page = get(link);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"item-" + oldest + "\"")
        .contains("id=\"newest\"")
        .doesNotContain("id=\"item-" + dead.get(1) + "\"");
    assertThat(get("/failed?store=" + STORE).body())
        .doesNotContain("id=\"item-" + oldest + "\"")
        .contains("id=\"older\"");
  }

  @Test
  void after_a_replay_the_page_keeps_its_filter_and_lists_the_replayed_records() {
    assertThat(
            FailedRecords.href(
                DeadLetterFilter.of(STORE, "order", "INVALID FIELD"),
                Optional.empty(),
                List.of(dead.get(0), dead.get(1))))
        .isEqualTo(
            "/failed?replayed="
                + dead.get(0)
                + ","
                + dead.get(1)
                + "&store="
                + STORE
                + "&kind=order&error=INVALID+FIELD");
  }

  @Test
  void a_before_that_is_not_an_item_id_is_refused() throws Exception {
    assertThat(get("/failed?before=yesterday").statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return ConsolePageRequests.get(server, sessions, pathAndQuery);
  }
}
