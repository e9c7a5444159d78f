package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a gathering group may be claimed (fill 400, quiet 300 ms, maximum wait 3 s). */
class GatherWindowsTest {
  private static final long MS = 1_000_000L;
  private static final GatherGroup PRICES = new GatherGroup("sf:00D1", "PricebookEntry");
  private static final GatherGroup CUSTOMERS = new GatherGroup("store1", "customer");

  private final GatherWindows windows =
      new GatherWindows(400, Duration.ofMillis(300), Duration.ofSeconds(3));

  @Test
  void a_lone_change_waits_the_quiet_period_then_is_released() {
    assertThat(windows.decide(Map.of(PRICES, 1), 0).heldBack()).containsExactly(PRICES);
    assertThat(windows.nanosUntilNextRipening(0)).isEqualTo(300 * MS);
    assertThat(windows.decide(Map.of(PRICES, 1), 299 * MS).heldBack()).containsExactly(PRICES);

    GatherWindows.Round round = windows.decide(Map.of(PRICES, 1), 300 * MS);

    assertThat(round.released()).containsExactly(PRICES);
    assertThat(round.heldBack()).isEmpty();
  }

  @Test
  void a_full_batch_is_released_at_once() {
    windows.decide(Map.of(PRICES, 120), 0);

    GatherWindows.Round round = windows.decide(Map.of(PRICES, 400), 50 * MS);

    assertThat(round.released()).containsExactly(PRICES);
  }

  @Test
  void a_group_that_keeps_growing_waits_until_it_is_quiet() {
    int count = 10;
    for (long at = 0; at < 2_000 * MS; at += 200 * MS) {
      assertThat(windows.decide(Map.of(PRICES, count), at).heldBack())
          .as("still growing at %d ms", at / MS)
          .containsExactly(PRICES);
      count += 10;
    }
    assertThat(windows.decide(Map.of(PRICES, count), 2_000 * MS).heldBack())
        .containsExactly(PRICES);

    assertThat(windows.decide(Map.of(PRICES, count), 2_300 * MS).released())
        .as("quiet for 300 ms")
        .containsExactly(PRICES);
  }

  @Test
  void a_steady_stream_is_released_after_the_maximum_wait() {
    int count = 1;
    long at = 0;
    for (; at < 3_000 * MS; at += 100 * MS) {
      assertThat(windows.decide(Map.of(CUSTOMERS, count++), at).released()).isEmpty();
    }

    assertThat(windows.decide(Map.of(CUSTOMERS, count), at).released()).containsExactly(CUSTOMERS);
  }

  @Test
  void groups_gather_apart_and_one_ripening_releases_only_itself() {
    windows.decide(Map.of(PRICES, 5), 0);
    windows.decide(Map.of(PRICES, 5, CUSTOMERS, 3), 200 * MS);

    GatherWindows.Round round = windows.decide(Map.of(PRICES, 5, CUSTOMERS, 3), 300 * MS);

    assertThat(round.released()).containsExactly(PRICES);
    assertThat(round.heldBack()).containsExactly(CUSTOMERS);
    assertThat(windows.nanosUntilNextRipening(300 * MS)).isEqualTo(200 * MS);
  }

  @Test
  void a_released_group_is_held_from_other_workers_until_its_claim_settles() {
    GatherWindows.Round first = windows.decide(Map.of(PRICES, 450), 0);
    assertThat(first.released()).containsExactly(PRICES);

    assertThat(windows.decide(Map.of(PRICES, 450), 1 * MS).heldBack())
        .as("in flight: another worker's claim of it has not committed")
        .containsExactly(PRICES);
    windows.settle(first.released(), 10 * MS);
    assertThat(windows.decide(Map.of(PRICES, 450), 5 * MS).heldBack())
        .as("counted before the claim committed: still includes the claimed items")
        .containsExactly(PRICES);

    assertThat(windows.decide(Map.of(PRICES, 52), 20 * MS).heldBack())
        .as("what is left gathers afresh")
        .containsExactly(PRICES);
    assertThat(windows.decide(Map.of(PRICES, 52), 320 * MS).released()).containsExactly(PRICES);
  }

  @Test
  void an_emptied_group_starts_a_new_window_when_items_come_again() {
    windows.decide(Map.of(PRICES, 3), 0);
    windows.decide(Map.of(), 250 * MS);

    assertThat(windows.decide(Map.of(PRICES, 3), 400 * MS).heldBack())
        .as("the earlier items were taken elsewhere; these three just came")
        .containsExactly(PRICES);
    assertThat(windows.decide(Map.of(PRICES, 3), 700 * MS).released()).containsExactly(PRICES);
  }

  @Test
  void nothing_gathering_means_no_early_wake() {
    assertThat(windows.nanosUntilNextRipening(0)).isEqualTo(Long.MAX_VALUE);
    GatherWindows.Round round = windows.decide(Map.of(PRICES, 400), 0);
    assertThat(windows.nanosUntilNextRipening(0)).as("in flight").isEqualTo(Long.MAX_VALUE);
    windows.settle(round.released(), 1 * MS);
    assertThat(windows.decide(Map.of(), 2 * MS))
        .isEqualTo(new GatherWindows.Round(Set.of(), Set.of()));
    assertThat(windows.nanosUntilNextRipening(2 * MS)).isEqualTo(Long.MAX_VALUE);
  }
}
