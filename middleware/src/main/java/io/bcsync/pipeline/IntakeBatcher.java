package io.bcsync.pipeline;

import io.bcsync.config.IntakeBatchConfig;
import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import io.bcsync.db.SessionLimits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for webhook intake. Request threads hand over a validated event and get a future; a
 * few writer threads each take everything queued (up to {@code intake-batch-max}) and commit it in
 * one transaction through {@link GroupIntake}, then complete the futures. A callback is therefore
 * acknowledged only after the commit that contains it, while concurrent callbacks share one
 * transaction and one log flush instead of paying for their own. Nothing waits to fill a group: a
 * writer takes what has queued while the previous commit ran, so a lone callback is committed at
 * once.
 *
 * <p>If a group cannot commit together (a bad row, a race the group path does not resolve) it is
 * rolled back and each member is recorded on its own by {@link EventIntake#record}, so one bad
 * callback fails alone. If a member cannot be recorded, its future fails and nothing of it is
 * acknowledged.
 *
 * <p>Intake fails fast rather than hang (docs/pipeline.md, "Failing fast"): the queue is bounded
 * ({@code intake-queue-max}; beyond it a callback fails at once), a callback not committed within
 * {@code intake-timeout} fails then (and is skipped if a writer had not taken it yet), the
 * statements run under short lock and network timeouts ({@link SessionLimits}), and a group the
 * database is unavailable for fails as a whole instead of member by member. Every such failure is a
 * {@link IntakeUnavailableException} or {@link DataAccessFailure}, answered 503: nothing of it was
 * acknowledged.
 *
 * <p>Writers do database work only, since every member of the next group waits for them: duplicate
 * keys are hashed by the submitting thread, and futures are completed on the {@code completions}
 * executor, where the HTTP response of each callback is then built.
 */
@Singleton
public class IntakeBatcher {
  private static final Logger LOG = LoggerFactory.getLogger(IntakeBatcher.class);
  private static final int MAX_GROUP_TRANSIENT_RETRIES = 3;
  private static final long IDLE_CHECK_MILLIS = 200;
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private final Db db;
  private final GroupIntake group;
  private final EventIntake single;
  private final WorkSignal workSignal;
  private final Executor completions;
  private final int batchMax;
  private final DistributionSummary groupSizes;
  private final Timer groupCommits;
  private final Counter fallbacks;
  private final MeterRegistry registry;
  private final BlockingQueue<Pending> queue;
  private final int queueMax;
  private final Duration timeout;
  private final SessionLimits limits;
  private final ScheduledExecutorService deadlines;

  /**
   * Submissions hold the read lock while they check {@link #closed} and enqueue, so none slips in
   * after close.
   */
  private final ReadWriteLock closing = new ReentrantReadWriteLock();

  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean closed;

  public IntakeBatcher(
      Db db,
      GroupIntake group,
      EventIntake single,
      WorkSignal workSignal,
      @Named(TaskExecutors.BLOCKING) Executor completions,
      IntakeBatchConfig config,
      MeterRegistry registry,
      IntakeGate gate) {
    this.db = db;
    this.group = group;
    this.single = single;
    this.workSignal = workSignal;
    this.completions = completions;
    this.batchMax = config.intakeBatchMax();
    this.registry = registry;
    this.queueMax = config.intakeQueueMax();
    this.queue = new LinkedBlockingQueue<>(queueMax);
    this.timeout = config.intakeTimeout();
    this.limits = new SessionLimits(config.intakeLockWait(), config.intakeNetworkTimeout());
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "intake-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    timer.setRemoveOnCancelPolicy(true);
    this.deadlines = timer;
    groupSizes =
        DistributionSummary.builder("bcsync.intake.group.size")
            .description("Webhooks per intake transaction")
            .register(registry);
    groupCommits =
        Timer.builder("bcsync.intake.group.commit")
            .description(
                "Time to commit one intake group together (what each member waits once its group starts)")
            .register(registry);
    fallbacks =
        Counter.builder("bcsync.intake.group.fallbacks")
            .description(
                "Intake groups that could not commit together and were recorded one by one")
            .register(registry);
    Gauge.builder("bcsync.intake.queued", queue, BlockingQueue::size)
        .description("Webhooks waiting for an intake writer")
        .register(registry);
    for (int i = 1; i <= config.intakeWriters(); i++) {
      Thread writer = new Thread(this::runWriter, "intake-writer-" + i);
      writer.setDaemon(true);
      writers.add(writer);
    }
    writers.forEach(Thread::start);
    gate.onClose(this::close);
  }

  /**
   * Queues the event for the next group commit. The future completes after the commit that stored
   * it (or with the verdict that it is a duplicate), or fails with the reason it was not
   * acknowledged: a {@link DataAccessFailure}, an {@link IntakeUnavailableException} (queue full,
   * not committed in time), or {@link IntakeClosedException} during shutdown.
   */
  public CompletableFuture<IntakeResult> submit(IncomingEvent event) {
    CompletableFuture<IntakeResult> future = new CompletableFuture<>();
    Pending pending = new Pending(group.prepare(event), future);
    closing.readLock().lock();
    try {
      if (closed) {
        future.completeExceptionally(new IntakeClosedException());
        return future;
      }
      if (!queue.offer(pending)) {
        refuse(pending, IntakeUnavailableException.queueFull(queueMax));
        return future;
      }
    } finally {
      closing.readLock().unlock();
    }
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> refuse(pending, IntakeUnavailableException.timedOut(timeout)),
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    future.whenComplete((result, failure) -> deadline.cancel(false));
    return future;
  }

  private void refuse(Pending pending, IntakeUnavailableException reason) {
    handOver(
        () -> {
          if (pending.future.completeExceptionally(reason)) {
            registry.counter("bcsync.intake.refused", "reason", reason.reason()).increment();
          }
        },
        pending);
  }

  /** Callbacks waiting for a writer. */
  public int queued() {
    return queue.size();
  }

  /**
   * Stops taking callbacks, commits everything already queued, and waits for the writers to finish.
   */
  @PreDestroy
  public void close() {
    closing.writeLock().lock();
    try {
      closed = true;
    } finally {
      closing.writeLock().unlock();
    }
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    for (Thread writer : writers) {
      try {
        writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    // Only if the writers could not finish in time: fail what is left rather than leave a caller
    // waiting forever.
    List<Pending> stranded = new ArrayList<>();
    queue.drainTo(stranded);
    if (!stranded.isEmpty()) {
      LOG.warn(
          "Intake closed with {} callbacks not stored; they were not acknowledged",
          stranded.size());
      stranded.forEach(
          pending -> pending.future.completeExceptionally(new IntakeClosedException()));
    }
    deadlines.shutdownNow();
  }

  private void runWriter() {
    List<Pending> members = new ArrayList<>(batchMax);
    while (true) {
      // Read before polling: once closed, nothing new is queued, so an empty poll then means
      // "drained".
      boolean wasClosed = closed;
      Pending first;
      try {
        first = queue.poll(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (first == null) {
        if (wasClosed) {
          return;
        }
        continue;
      }
      members.add(first);
      queue.drainTo(members, batchMax - 1);
      // Callbacks already answered (not committed in time) are not stored any more: their senders
      // retry them.
      members.removeIf(pending -> pending.future.isDone());
      if (members.isEmpty()) {
        continue;
      }
      try {
        commit(members);
      } catch (RuntimeException | Error e) {
        // Cannot reach the database at all (no connection, failed commit): nothing of the group is
        // acknowledged.
        LOG.error("Intake group of {} not stored", members.size(), e);
        members.forEach(pending -> fail(pending, e));
      } finally {
        members.clear();
      }
    }
  }

  private void commit(List<Pending> members) {
    List<GroupIntake.Member> groupMembers = members.stream().map(Pending::member).toList();
    groupSizes.record(members.size());
    List<IntakeResult> results;
    long started = System.nanoTime();
    try {
      results = commitTogether(groupMembers);
      groupCommits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    } catch (DataAccessFailure failure) {
      if (failure.isUnavailable()) {
        // No connection, or a lock or network timeout: the members one by one would each wait
        // for the same.
        LOG.warn(
            "Intake group of {} not stored, database unavailable: {}",
            members.size(),
            failure.getMessage());
        members.forEach(pending -> fail(pending, failure));
        return;
      }
      fallbacks.increment();
      LOG.info(
          "Intake group of {} could not commit together (SQL state {}); recording one by one",
          members.size(),
          failure.sqlException().getSQLState());
      recordOneByOne(members);
      return;
    }
    boolean accepted = false;
    for (int i = 0; i < members.size(); i++) {
      accepted |= results.get(i) instanceof IntakeResult.Accepted;
    }
    if (accepted) {
      workSignal.wake();
    }
    for (int i = 0; i < members.size(); i++) {
      answer(members.get(i), results.get(i));
    }
  }

  private List<IntakeResult> commitTogether(List<GroupIntake.Member> members) {
    return db.writeFailingFast(
        MAX_GROUP_TRANSIENT_RETRIES,
        limits,
        connection -> group.recordInTransaction(connection, members));
  }

  private void recordOneByOne(List<Pending> members) {
    for (int i = 0; i < members.size(); i++) {
      Pending pending = members.get(i);
      if (pending.future.isDone()) {
        continue; // answered already: not committed in time
      }
      IntakeResult result;
      try {
        result = single.recordFailingFast(pending.member.event(), limits);
      } catch (DataAccessFailure failure) {
        if (failure.isUnavailable()) {
          LOG.warn(
              "Intake of {} callbacks not stored, database unavailable: {}",
              members.size() - i,
              failure.getMessage());
          members.subList(i, members.size()).forEach(rest -> fail(rest, failure));
          return;
        }
        fail(pending, failure);
        continue;
      } catch (RuntimeException | Error e) {
        // Not this row's fault (the database is unreachable): the rest would wait for the same
        // failure in turn.
        LOG.error("Intake of {} callbacks not stored", members.size() - i, e);
        members.subList(i, members.size()).forEach(rest -> fail(rest, e));
        return;
      }
      answer(pending, result);
    }
  }

  private void answer(Pending pending, IntakeResult result) {
    handOver(() -> pending.future.complete(result), pending);
  }

  private void fail(Pending pending, Throwable failure) {
    handOver(() -> pending.future.completeExceptionally(failure), pending);
  }

  private void handOver(Runnable completion, Pending pending) {
    try {
      completions.execute(completion);
    } catch (RejectedExecutionException e) {
      // The executor is shutting down: answer on this thread rather than not at all.
      completion.run();
    }
  }

  private record Pending(GroupIntake.Member member, CompletableFuture<IntakeResult> future) {}
}
