package io.bcsync.bigcommerce.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.pipeline.RetryableFailureException;
import io.bcsync.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget's arithmetic on a fake clock: every wait is recorded instead of slept. */
class RateBudgetTest {
  final MutableClock clock = new MutableClock(1_000_000);
  final List<Long> waits = new ArrayList<>();
  final RateBudget.Waiter recordingWaiter =
      (monitor, millis) -> {
        waits.add(millis);
        clock.advance(Duration.ofMillis(millis));
      };
  final RateBudget budget =
      new RateBudget(
          "store1",
          0.2,
          Duration.ofSeconds(10),
          Duration.ofMinutes(2),
          Duration.ofMinutes(5),
          clock,
          recordingWaiter);

  @Test
  void leaves_the_headroom_to_other_apps_and_waits_for_the_window_to_reset() throws Exception {
    budget.acquire();
    budget.completed(new RateLimitHeaders(150, 149, 30_000, 30_000, -1));
    int sent = 1;
    while (waits.isEmpty()) {
      budget.acquire();
      budget.completed(RateLimitHeaders.NONE);
      sent++;
    }
    // 150 quota, 20 % headroom: 30 stay with other apps, so the 121st call waited for the reset.
    assertThat(sent).isEqualTo(121);
    assertThat(waits)
        .singleElement()
        .satisfies(w -> assertThat(w).isBetween(30_000L, 30_000L + 100));
  }

  @Test
  void a_lower_count_reported_by_the_store_wins_because_other_apps_spend_the_same_quota()
      throws Exception {
    budget.acquire();
    budget.completed(new RateLimitHeaders(150, 149, 30_000, 30_000, -1));
    budget.acquire();
    // 30 left is exactly the reserve for other apps (20 % of 150): the next call must wait.
    budget.completed(new RateLimitHeaders(150, 30, 29_000, 30_000, -1));

    budget.acquire();

    assertThat(waits).hasSize(1);
  }

  @Test
  void a_429_pauses_for_the_longer_of_reset_and_retry_after() throws Exception {
    budget.acquire();
    Duration pause = budget.rateLimited(new RateLimitHeaders(150, 0, 2_000, 30_000, 7));
    assertThat(pause.toMillis()).isEqualTo(7_000 + RateBudget.RESET_MARGIN_MS);

    budget.acquire();

    assertThat(waits.stream().mapToLong(Long::longValue).sum())
        .isEqualTo(7_000 + RateBudget.RESET_MARGIN_MS);
  }

  @Test
  void a_429_without_headers_is_platform_overload_and_backs_off_harder_each_time() {
    Duration first = budget.rateLimited(RateLimitHeaders.NONE);
    Duration second = budget.rateLimited(RateLimitHeaders.NONE);
    Duration third = budget.rateLimited(RateLimitHeaders.NONE);

    assertThat(first).isEqualTo(Duration.ofSeconds(10));
    assertThat(second).isEqualTo(Duration.ofSeconds(20));
    assertThat(third).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void gives_up_with_a_retryable_failure_instead_of_waiting_longer_than_allowed() {
    RateBudget impatient =
        new RateBudget(
            "store1",
            0.2,
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            Duration.ofSeconds(30),
            clock,
            recordingWaiter);
    impatient.rateLimited(RateLimitHeaders.NONE);

    assertThatThrownBy(impatient::acquire)
        .isInstanceOf(RetryableFailureException.class)
        .hasMessageContaining("store1");
    assertThat(waits).isEmpty();
  }

  @Test
  void while_nothing_is_known_only_one_call_probes_the_store() throws Exception {
    budget.acquire();
    assertThat(budget.snapshot().inFlight()).isEqualTo(1);
    budget.completed(new RateLimitHeaders(150, 149, 30_000, 30_000, -1));
    budget.acquire();
    assertThat(waits).isEmpty();
    assertThat(budget.snapshot().left()).isEqualTo(148);
  }
}
