package io.bcsync.sync.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.MatchDecision;
import io.bcsync.sync.matching.MatchRule;
import io.bcsync.testsupport.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reviews on the database: one open review per customer that collects held work once per entity,
 * resolved once, the latest resolution found again. Runs on H2; {@code ReviewsMariaDbTest} runs
 * every case on MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewsTest extends DatabaseTest {
  private static final MatchDecision.Review TWO_CONTACTS =
      new MatchDecision.Review(
          List.of(
              Candidate.contact("003A", null, "a@example.com", null),
              Candidate.contact("003B", "shop:9", "a@example.com", null)),
          "two contacts share the email",
          MatchRule.EMAIL);

  @Inject Reviews reviews;

  private String store;

  @BeforeEach
  void newStore() {
    store = "rv" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_customer_has_one_open_review_which_holds_each_entity_once() {
    Reviews.Held customer = new Reviews.Held("customer", "5");
    Reviews.Held order = new Reviews.Held("order", "27");

    long id = reviews.open(store, "customer:5", "customer 5", TWO_CONTACTS, List.of(customer));
    long again =
        reviews.open(store, "customer:5", "customer 5", TWO_CONTACTS, List.of(customer, order));
    reviews.hold(id, List.of(order));

    assertThat(again).isEqualTo(id);
    assertThat(reviews.openFor(store, List.of("customer:5", "customer:6")))
        .containsExactly(Map.entry("customer:5", id));
    Review open = reviews.find(id).orElseThrow();
    assertThat(open.status()).isEqualTo(Reviews.OPEN);
    assertThat(open.matchedBy()).isEqualTo("email");
    assertThat(open.candidates().toString()).contains("003A", "shop:9").doesNotContain("@");
    assertThat(reviews.list(Optional.of(Reviews.OPEN), 1_000)).extracting(Review::id).contains(id);

    assertThat(reviews.resolve(id, "003B", "test"))
        .hasValueSatisfying(held -> assertThat(held).containsExactlyInAnyOrder(customer, order));
    assertThat(reviews.resolve(id, "003B", "test")).as("resolved already").isEmpty();
  }

  @Test
  void a_resolved_customer_can_be_reviewed_again_and_its_latest_resolution_wins() {
    long first = reviews.open(store, "guest:ab", "guest order 1", TWO_CONTACTS, List.of());
    reviews.resolve(first, null, "test");
    long second = reviews.open(store, "guest:ab", "guest order 2", TWO_CONTACTS, List.of());
    reviews.resolve(second, "003A", "test");

    assertThat(second).isNotEqualTo(first);
    Review latest = reviews.resolvedFor(store, List.of("guest:ab")).get("guest:ab");
    assertThat(latest.id()).isEqualTo(second);
    assertThat(latest.resolution()).isEqualTo("link");
    assertThat(latest.resolvedContactId()).isEqualTo("003A");
    assertThat(latest.resolvedAtMs()).isNotNull();
    assertThat(reviews.openFor(store, List.of("guest:ab"))).isEmpty();
  }
}
