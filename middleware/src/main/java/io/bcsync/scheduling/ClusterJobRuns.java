package io.bcsync.scheduling;

import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the cluster jobs this instance ran ({@code bcsync_cluster_job_runs_total{job,outcome}})
 * and logs each run with the time it was due, at DEBUG. Summed over the instances, the counter
 * shows that a job ran once per cluster and not once per instance; the log lines let the
 * several-instances benchmark check that no due time ran on two instances (docs/operations.md).
 */
final class ClusterJobRuns extends AbstractSchedulerListener {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterJobRuns.class);

  private final MeterRegistry registry;

  ClusterJobRuns(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onExecutionComplete(ExecutionComplete complete) {
    Execution execution = complete.getExecution();
    String outcome = complete.getResult() == ExecutionComplete.Result.OK ? "success" : "failure";
    Counter.builder("bcsync.cluster.job.runs")
        .description("Cluster job runs on this instance (sum over instances for the cluster)")
        .tag("job", execution.getTaskName())
        .tag("outcome", outcome)
        .register(registry)
        .increment();
    // The format is read by the several-instances benchmark (io.bcsync.bench.JobRunLog).
    LOG.debug(
        "Cluster job run: job={} due={} outcome={}",
        execution.getTaskName(),
        execution.getExecutionTime(),
        outcome);
  }
}
