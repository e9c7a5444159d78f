package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeGateTest {
  private final IntakeGate gate = new IntakeGate();
  private final List<String> closed = new ArrayList<>();

  @Test
  void closing_the_gate_closes_every_intake_registered_before_it_once() {
    gate.onClose(() -> closed.add("first"));
    gate.onClose(() -> closed.add("second"));
    assertThat(closed).isEmpty();

    gate.close();
    gate.close();

    assertThat(closed).containsExactly("first", "second");
  }

  @Test
  void an_intake_built_after_the_gate_closed_is_closed_as_it_registers() {
    gate.close();

    gate.onClose(() -> closed.add("late"));

    assertThat(closed).containsExactly("late");
  }
}
