package io.bcsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.Db;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.WorkQueue;
import io.bcsync.sync.review.Review;
import io.bcsync.sync.review.ReviewResolutions;
import io.bcsync.sync.review.Reviews;
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
 * The Reviews page beyond the oldest 20 open reviews, the latest decisions with who made them, and
 * the held work followed to its outcome after a decision (DONE, DEAD, waiting).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewsPagingTest implements TestPropertyProvider {
  static final String STORE = WebhookCalls.STORE;

  @Inject ReviewsPage page;
  @Inject Reviews reviews;
  @Inject ReviewResolutions resolutions;
  @Inject HeldOutcomes held;
  @Inject EventIntake intake;
  @Inject WorkQueue queue;
  @Inject Db db;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.pipeline.workers-enabled", "false");
    return properties;
  }

  @BeforeEach
  void setUp() {
    Tables.clear(db);
    sql("DELETE FROM sync_review_hold");
    sql("DELETE FROM sync_review");
  }

  @Test
  void open_reviews_page_by_twenty_from_the_oldest() {
    for (int i = 1; i <= 25; i++) {
      long review = openReview("customer:" + i, 1_000L * i);
      if (i % 10 == 0) {
        hold(review, "order", String.valueOf(100 + i));
        hold(review, "order", String.valueOf(99 + i));
      }
    }

    ReviewsPage.Page first = page.page(0);
    assertThat(first.reviews()).hasSize(20);
    // The holds of the page's reviews, read in one query, each with its own review.
    assertThat(first.reviews())
        .extracting(ReviewsPage.ReviewView::heldList)
        .containsOnly("nothing", "order 109, order 110", "order 119, order 120");
    assertThat(first.reviews().get(9).heldList()).isEqualTo("order 109, order 110");
    assertThat(first.reviews().get(19).heldList()).isEqualTo("order 119, order 120");
    assertThat(first.more()).isTrue();
    long lastShown = first.reviews().get(19).review().id();
    assertThat(first.nextAfterId()).isEqualTo(lastShown);

    ReviewsPage.Page second = page.page(first.nextAfterId());
    assertThat(second.reviews())
        .hasSize(5)
        .allSatisfy(view -> assertThat(view.review().id()).isGreaterThan(lastShown));
    assertThat(second.more()).isFalse();
    assertThat(second.nextAfterId()).isNull();
  }

  @Test
  void decisions_are_listed_newest_first_with_who_and_the_held_work_followed_to_its_outcome() {
    long older = openReview("customer:7", 1_000);
    long newer = openReview("customer:8", 2_000);
    hold(older, "order", "70");
    hold(newer, "order", "80");
    hold(newer, "order", "81");
    hold(newer, "order", "82");
    resolutions.resolve(older, null, ReviewResolutions.BY_CONSOLE);
    resolutions.resolve(newer, "003000000000ABCAAA");

    // The decision queued the held orders again; one syncs, one is dead-lettered, one waits.
    long done = itemOf("80");
    long dead = itemOf("81");
    long now = System.currentTimeMillis();
    List<io.bcsync.pipeline.WorkItem> claimed = queue.claim("t", 10, now + 1, now + 60_000);
    assertThat(claimed).extracting(io.bcsync.pipeline.WorkItem::id).contains(done, dead);
    queue.complete(done, "t", now + 2);
    queue.deadLetter(dead, "t", now + 2, "Order upsert failed: INVALID_FIELD");
    queue.retryLater(itemOf("82"), "t", now + 2, now + 60_000, "locked");

    List<Review> latest = reviews.latestResolved(20);
    assertThat(latest).extracting(Review::id).containsExactly(newer, older);
    assertThat(latest)
        .extracting(Review::resolvedBy)
        .containsExactly(ReviewResolutions.BY_ADMIN_API, ReviewResolutions.BY_CONSOLE);

    Map<Long, List<HeldOutcomes.Followed>> both = held.of(latest);
    assertThat(both.keySet()).containsExactly(newer, older);
    assertThat(both.get(older))
        .extracting(f -> f.held().id(), HeldOutcomes.Followed::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("70", "IN_PROGRESS"));
    assertThat(reviews.held(List.of(newer, older, 999_999L)))
        .containsEntry(older, List.of(new Reviews.Held("order", "70")))
        .containsEntry(999_999L, List.of())
        .hasSize(3);

    List<HeldOutcomes.Followed> followed = both.get(newer);
    assertThat(followed)
        .extracting(f -> f.held().id(), HeldOutcomes.Followed::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("80", "DONE"),
            org.assertj.core.groups.Tuple.tuple("81", "DEAD"),
            org.assertj.core.groups.Tuple.tuple("82", "PENDING"));
    HeldOutcomes.Followed failed = followed.get(1);
    assertThat(failed.dead()).isTrue();
    assertThat(failed.failedHref())
        .isEqualTo("/failed?store=" + STORE + "&kind=order&before=" + (dead + 1) + "#item-" + dead);
    assertThat(failed.timelineHref()).isEqualTo("/timeline?q=81&store=" + STORE);
  }

  private long itemOf(String orderId) {
    return inspectorItems(orderId).get(inspectorItems(orderId).size() - 1);
  }

  private List<Long> inspectorItems(String orderId) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id FROM work_item WHERE store_hash = ? AND entity_type = 'order'"
                      + " AND entity_id = ? ORDER BY id")) {
            select.setString(1, STORE);
            select.setString(2, orderId);
            List<Long> ids = new java.util.ArrayList<>();
            try (var rs = select.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getLong(1));
              }
            }
            assertThat(ids).as("work items of order " + orderId).isNotEmpty();
            return ids;
          }
        });
  }

  private long openReview(String customerKey, long createdAt) {
    sql(
        "INSERT INTO sync_review (store_hash, customer_key, customer_label, reason, candidates,"
            + " status, open_key, created_at_ms) VALUES ('"
            + STORE
            + "', '"
            + customerKey
            + "', '"
            + customerKey.replace(':', ' ')
            + "', 'two Contacts share the e-mail', '[]', 'open', '"
            + STORE
            + "|"
            + customerKey
            + "', "
            + createdAt
            + ")");
    return db.read(
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement("SELECT MAX(id) FROM sync_review");
              var rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private void hold(long review, String type, String id) {
    sql(
        "INSERT INTO sync_review_hold (review_id, entity_type, entity_id) VALUES ("
            + review
            + ", '"
            + type
            + "', '"
            + id
            + "')");
  }

  private void sql(String statement) {
    db.write(
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(statement)) {
            update.executeUpdate();
          }
          return null;
        });
  }
}
