package io.bcsync.db;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded H2 file from growing with everything ever written to it while the instance
 * runs (docs/operations.md, "Embedded H2's file").
 *
 * <p>The shipped URL sets {@code WRITE_DELAY=0} so that an acknowledged webhook is in the file
 * before its 200. H2 then writes a chunk per commit and starts no background writer thread, which
 * is also where H2 rewrites sparse chunks. Without that a chunk is freed only once none of its
 * pages is live, and under a sustained load most of bcsync's keep a few (an item finished long ago,
 * a customer's figures): the file grew by nearly every commit's chunk (8.9 GiB after 100,000
 * orders).
 *
 * <p>Every {@link #EVERY} this calls {@link MVStore#compact(int, int)}, the rewriting half of H2's
 * own housekeeping: when less than {@link #TARGET_FILL_PERCENT} of the chunks' bytes is live, it
 * copies the live pages of the sparsest chunks older than H2's retention time (45 s) into a new
 * chunk, and H2 reuses their space once nothing reads them (and shrinks the file when the space at
 * its end is free). It is the same rewrite, under the same store lock, that H2's background thread
 * runs alongside commits in H2's default configuration. The other half of H2's housekeeping, moving
 * chunks down to truncate the file, stays at close ({@code MAX_COMPACT_TIME}): at runtime it
 * tripped one of H2's internal assertions. A burst still grows the file by what it writes within
 * the retention time; after it, the space is reused or given back (30,000-order benchmark: 544 MiB
 * a minute after the drain, against 2.2 GiB until the stop without this; 100,000 orders: under 1
 * GiB while draining, against 8.9 GiB and growing; bench/sync-notes.md).
 *
 * <p>Each round also publishes the file's size ({@code bcsync.h2.file.size}, bytes) and the share
 * of its chunks' bytes still live ({@code bcsync.h2.chunks.live.ratio}), for the disk alert of
 * docs/operations.md.
 *
 * <p>Does nothing for MySQL/MariaDB, for H2 in memory or over TCP, and when the URL sets a positive
 * {@code WRITE_DELAY} (H2's own thread then does this). It is created for any H2 URL ({@code
 * jdbc:h2:./data/x} is a file too) and its first round stops its timer where there is no such file.
 */
@Requires(property = "datasources.default.url", pattern = "jdbc:h2:.*")
@Context
public class EmbeddedH2Housekeeping {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedH2Housekeeping.class);

  static final Duration EVERY = Duration.ofSeconds(1);

  /** Rewrite while less than this share of the chunks' bytes is live (H2's own runs at 81–90). */
  static final int TARGET_FILL_PERCENT = 50;

  /** Live bytes copied per call; a call holds H2's store lock, so commits wait for it. */
  static final int WRITE_BYTES_PER_CALL = 4 << 20;

  /** Per tick, so a large backlog of sparse chunks is worked off without starving commits. */
  static final Duration BUDGET_PER_TICK = Duration.ofMillis(250);

  private final DataSource dataSource;
  private final MeterRegistry registry;
  private final ScheduledExecutorService timer;
  private final AtomicLong fileBytes = new AtomicLong();
  private final AtomicLong livePercent = new AtomicLong(100);
  private volatile boolean stopped;
  private boolean failing;
  private boolean gaugesRegistered;

  public EmbeddedH2Housekeeping(
      DataSource dataSource, DataSourceResolver resolver, MeterRegistry registry) {
    // The pool itself, not the transaction-aware proxy: this runs outside any transaction.
    this.dataSource = resolver.resolve(dataSource);
    this.registry = registry;
    timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "h2-housekeeping");
              thread.setDaemon(true);
              return thread;
            });
    long every = EVERY.toMillis();
    timer.scheduleWithFixedDelay(this::tickLogged, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * One round: rewrites sparse chunks until none is left to rewrite or the budget is spent. Returns
   * how many calls rewrote something, or -1 when the database is not one this applies to (the timer
   * then stops).
   */
  synchronized int tick() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      MVStore store = embeddedStore(connection);
      if (store == null) {
        return -1;
      }
      long stopAt = System.nanoTime() + BUDGET_PER_TICK.toNanos();
      int rewrites = 0;
      while (!stopped
          && store.compact(TARGET_FILL_PERCENT, WRITE_BYTES_PER_CALL)
          && System.nanoTime() - stopAt < 0) {
        rewrites++;
      }
      if (!gaugesRegistered) {
        // Only where there is such a file: a 0 on MySQL or in-memory H2 would read as a
        // measurement.
        registerGauges();
        gaugesRegistered = true;
      }
      fileBytes.set(store.getFileStore().size());
      livePercent.set(store.getFileStore().getChunksFillRate());
      return rewrites;
    }
  }

  private void registerGauges() {
    Gauge.builder("bcsync.h2.file.size", fileBytes, AtomicLong::get)
        .description("Size of the embedded H2 database file")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("bcsync.h2.chunks.live.ratio", livePercent, percent -> percent.get() / 100.0)
        .description("Share of the embedded H2 file's chunk bytes still live (0 to 1)")
        .register(registry);
  }

  /** The store behind an embedded, file-backed H2 that runs no housekeeping of its own. */
  private static MVStore embeddedStore(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)
        || !(connection.unwrap(JdbcConnection.class).getSession()
            instanceof SessionLocal session)) {
      return null;
    }
    MVStore store = session.getDatabase().getStore().getMvStore();
    if (store.getFileStore() == null || store.getAutoCommitDelay() > 0) {
      return null;
    }
    return store;
  }

  private void tickLogged() {
    try {
      if (tick() < 0) {
        LOG.debug("No embedded H2 file without its own housekeeping here; nothing to rewrite");
        timer.shutdown();
      }
      if (failing) {
        failing = false;
        LOG.info("Rewriting the embedded H2 file's sparse chunks again");
      }
    } catch (SQLException | RuntimeException e) {
      // The next tick tries again; a closed or broken database is the pool's and intake's problem.
      // Logged once per spell, not once a second.
      if (!failing) {
        failing = true;
        LOG.warn(
            "Could not rewrite the embedded H2 file's sparse chunks ({}); trying every {} s and"
                + " saying so when it works again",
            e.toString(),
            EVERY.toSeconds());
      }
    }
  }

  @PreDestroy
  void stop() {
    stopped = true;
    // Not shutdownNow: an interrupt during H2's file I/O closes its FileChannel, and H2 then treats
    // the store as broken. A call in progress holds the store lock; let it end before the database
    // closes.
    timer.shutdown();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
