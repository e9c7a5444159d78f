package io.bcsync.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClusterJobRunsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ClusterJobRuns runs = new ClusterJobRuns(registry);

  @Test
  void countsEachRunByJobAndOutcome() {
    Instant due = Instant.parse("2026-12-07T06:00:00Z");
    Instant done = due.plusSeconds(1);
    runs.onExecutionComplete(
        ExecutionComplete.success(execution("lease-recovery", due), due, done));
    runs.onExecutionComplete(
        ExecutionComplete.success(execution("lease-recovery", due.plusSeconds(5)), due, done));
    runs.onExecutionComplete(
        ExecutionComplete.failure(
            execution("bigcommerce-catch-up", due), due, done, new IllegalStateException("down")));

    assertThat(count("lease-recovery", "success")).isEqualTo(2.0);
    assertThat(count("bigcommerce-catch-up", "failure")).isEqualTo(1.0);
    assertThat(
            registry
                .find("bcsync.cluster.job.runs")
                .tag("job", "bigcommerce-catch-up")
                .tag("outcome", "success")
                .counter())
        .isNull();
  }

  private double count(String job, String outcome) {
    return registry
        .get("bcsync.cluster.job.runs")
        .tag("job", job)
        .tag("outcome", outcome)
        .counter()
        .count();
  }

  private static Execution execution(String job, Instant due) {
    return new Execution(due, new TaskInstance<Void>(job, "recurring"));
  }
}
