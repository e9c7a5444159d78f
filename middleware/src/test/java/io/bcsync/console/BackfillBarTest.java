package io.bcsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.backfill.BackfillPhase;
import io.bcsync.backfill.BackfillProgress;
import io.bcsync.backfill.BackfillState;
import io.bcsync.pipeline.WorkItemStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackfillBarTest {

  @Test
  void the_share_is_enqueued_out_of_customers_plus_orders_read_and_estimated_and_stops_at_99() {
    BackfillBar bar = BackfillBar.of(progress(BackfillState.RUNNING, 100L, 50L, 100L, 50L, null));
    // 150 of 100 + 50 + 50.
    assertThat(bar.percent()).isEqualTo(75);
    assertThat(bar.active()).isTrue();
    assertThat(bar.synced()).isEqualTo(120);
    assertThat(bar.pending()).isEqualTo(25);
    assertThat(bar.dead()).isEqualTo(1);

    BackfillBar almost = BackfillBar.of(progress(BackfillState.RUNNING, 100L, 0L, 100L, 10L, 5L));
    assertThat(almost.percent()).as("100 % only when DONE").isEqualTo(99);
    assertThat(almost.eta()).isEqualTo("5s");
  }

  @Test
  void unknown_while_orders_cannot_be_estimated_and_100_once_done() {
    assertThat(BackfillBar.of(progress(BackfillState.RUNNING, 100L, null, 40L, 0L, null)).percent())
        .isNull();
    BackfillBar done = BackfillBar.of(progress(BackfillState.DONE, 100L, 0L, 100L, 3L, 0L));
    assertThat(done.percent()).isEqualTo(100);
    assertThat(done.active()).isFalse();
    assertThat(BackfillBar.of(progress(BackfillState.PAUSED, 1L, 0L, 0L, 0L, 125L)).eta())
        .isEqualTo("2m05s");
  }

  private static BackfillProgress progress(
      BackfillState state,
      Long customersTotal,
      Long ordersRemaining,
      long customers,
      long orders,
      Long eta) {
    return new BackfillProgress(
        1,
        "s1",
        "2024-01-01",
        state,
        BackfillPhase.ORDERS,
        Map.of("customers", customers, "orders", orders),
        customersTotal,
        ordersRemaining,
        Map.of(
            "customer",
            Map.of(WorkItemStatus.DONE, 100L, WorkItemStatus.PENDING, 20L, WorkItemStatus.DEAD, 1L),
            "order",
            Map.of(WorkItemStatus.DONE, 20L, WorkItemStatus.IN_PROGRESS, 5L)),
        60.0,
        eta,
        3,
        null,
        0L,
        0L,
        null,
        null);
  }
}
