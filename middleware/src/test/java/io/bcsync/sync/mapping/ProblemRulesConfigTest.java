package io.bcsync.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.sync.rules.Condition;
import io.bcsync.sync.rules.OrderRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The problem triggers of the {@code rules:} section: items_returned and fulfilment_delayed. */
class ProblemRulesConfigTest {
  private final SyncConfigLoader loader = new SyncConfigLoader(Fixtures.packageSchema());
  @TempDir Path dir;

  @Test
  void returned_items_and_fulfilment_delays_are_triggers() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        rules:
          returns:
            enabled: true
            trigger: items_returned
            actions:
              - case: { reason: Items Returned }
          late:
            enabled: true
            trigger: { fulfilment_delayed: { hours: 48 } }
            actions:
              - case: { reason: Fulfilment Delayed }
        """);

    List<OrderRule> rules = loader.load(store).rules().enabled();

    assertThat(rules)
        .extracting(OrderRule::trigger)
        .containsExactly(
            new Condition.ItemsReturned(), new Condition.FulfilmentDelayed(Duration.ofHours(48)));
  }

  @Test
  void a_fulfilment_delay_needs_whole_hours_and_items_returned_takes_no_argument() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        rules:
          no_hours:
            trigger: fulfilment_delayed
            actions:
              - case: { reason: Late }
          zero:
            trigger: { fulfilment_delayed: { hours: 0 } }
            actions:
              - case: { reason: Late }
          returns:
            trigger: { items_returned: 2 }
            actions:
              - case: { reason: Returned }
        """);

    assertThatThrownBy(() -> loader.load(store))
        .isInstanceOf(InvalidMappingException.class)
        .hasMessageContaining(
            store + ":3: rules.no_hours.fulfilment_delayed: fulfilment_delayed needs {hours: N}")
        .hasMessageContaining(
            store + ":7: rules.zero.fulfilment_delayed: fulfilment_delayed needs {hours: N}")
        .hasMessageContaining(store + ":11: rules.returns: items_returned takes no argument");
  }
}
