package io.bcsync.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs recurring jobs once per cluster, not once per instance, through db-scheduler: each job is a
 * row in {@code scheduled_tasks} that exactly one instance picks when it is due. Jobs are
 * contributed as {@link RecurringTask} beans (lease recovery now; polling and summaries later).
 */
@Singleton
@Requires(property = "bcsync.scheduler.enabled", notEquals = "false")
public class ClusterJobs implements ApplicationEventListener<ServerStartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterJobs.class);

  private final DataSource dataSource;
  private final List<RecurringTask<?>> jobs;
  private final MeterRegistry registry;
  private Scheduler scheduler;

  public ClusterJobs(
      DataSource dataSource,
      DataSourceResolver resolver,
      List<RecurringTask<?>> jobs,
      MeterRegistry registry) {
    // db-scheduler manages its own connections and commits; give it the pool, not the
    // transaction-aware proxy.
    this.dataSource = resolver.resolve(dataSource);
    this.jobs = jobs;
    this.registry = registry;
  }

  @Override
  public synchronized void onApplicationEvent(ServerStartupEvent event) {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Scheduler.create(dataSource)
            .startTasks(jobs)
            .threads(2)
            .pollingInterval(Duration.ofSeconds(5))
            // A run whose completion could not be recorded (the database went away mid-run) stays
            // "picked" until it is declared dead: by default after 6 missed 5-minute heartbeats, so
            // lease recovery could stop for half an hour after a database blip. 5 s x 4 (the
            // library's lowest limit) brings it back within about 20 s; a job still running keeps
            // its heartbeat and is not taken.
            .heartbeatInterval(Duration.ofSeconds(5))
            .missedHeartbeatsLimit(4)
            .alwaysPersistTimestampInUTC()
            // The pool hands out connections with auto-commit off (application.yml): db-scheduler
            // must commit itself.
            .commitWhenAutocommitDisabled(true)
            // Counts and logs each run, so "once per cluster" can be checked across instances.
            .addSchedulerListener(new ClusterJobRuns(registry))
            .build();
    scheduler.start();
    LOG.info("Cluster jobs scheduled: {}", jobs.stream().map(RecurringTask::getName).toList());
  }

  @PreDestroy
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.stop();
      scheduler = null;
    }
  }
}
