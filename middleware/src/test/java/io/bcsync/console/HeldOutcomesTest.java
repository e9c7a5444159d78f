package io.bcsync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.sync.review.Review;
import io.bcsync.sync.review.Reviews;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Reviews page shows up to twenty decisions with what became of their held work: two queries
 * for all of them (their holds, then the held entities' newest items), not two per decision.
 */
class HeldOutcomesTest {
  private final Reviews reviews = mock(Reviews.class);
  private final QueueInspector inspector = mock(QueueInspector.class);
  private final HeldOutcomes outcomes = new HeldOutcomes(reviews, inspector);

  @Test
  void the_outcomes_of_several_decisions_take_one_read_of_holds_and_one_of_items() {
    Review first = review(1, "store-a");
    Review second = review(2, "store-b");
    Review third = review(3, "store-a");
    when(reviews.held(List.of(1L, 2L, 3L)))
        .thenReturn(
            Map.of(
                1L, List.of(new Reviews.Held("order", "10")),
                2L, List.of(new Reviews.Held("order", "10"), new Reviews.Held("order", "11")),
                3L, List.of()));
    when(inspector.newestItemsOf(anyCollection())).thenReturn(Map.of());

    Map<Long, List<HeldOutcomes.Followed>> followed = outcomes.of(List.of(first, second, third));

    verify(reviews, times(1)).held(anyCollection());
    verify(inspector, times(1))
        .newestItemsOf(
            List.of(
                new EntityRef("store-a", "order", "10"),
                new EntityRef("store-b", "order", "10"),
                new EntityRef("store-b", "order", "11")));
    assertThat(followed.get(1L))
        .extracting(HeldOutcomes.Followed::entity)
        .containsExactly(new EntityRef("store-a", "order", "10"));
    assertThat(followed.get(2L))
        .extracting(HeldOutcomes.Followed::entity, HeldOutcomes.Followed::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                new EntityRef("store-b", "order", "10"), "not queued"),
            org.assertj.core.groups.Tuple.tuple(
                new EntityRef("store-b", "order", "11"), "not queued"));
    assertThat(followed.get(3L)).isEmpty();
  }

  private static Review review(long id, String store) {
    return new Review(
        id,
        store,
        "customer:" + id,
        "customer " + id,
        "two Contacts share the e-mail",
        "email",
        List.of(),
        "resolved",
        "create",
        null,
        1_000L,
        2_000L,
        "console");
  }
}
