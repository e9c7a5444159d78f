package io.bcsync.pipeline;

import io.bcsync.config.GatheringConfig;
import io.bcsync.config.PipelineConfig;
import io.bcsync.db.Db;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The background workers' claim policy for the entity types of {@code
 * bcsync.pipeline.gathering.types}: their due items gather per tenant and type until the group
 * holds a full batch ({@code batch-size}), has been quiet for {@code quiet-period}, or has gathered
 * for {@code max-wait} ({@link GatherWindows}). Why: a flow pays per batch (one Salesforce re-read,
 * BigCommerce writes and echo reads in pages of 10 to 250), so a burst claimed as it trickles in
 * costs more calls the faster the workers are; gathered, it costs the same on any host.
 *
 * <p>Only where items are claimed changes, never what a flow does with them: an item held back is
 * still PENDING and due, joins events as before, and is processed in full. Time is measured with
 * this process's monotonic clock, not the application clock, so simulated time in tests neither
 * stalls nor rushes it; each instance decides for itself. {@link BatchProcessor#processDueBatch()}
 * (tests running due work now) does not gather.
 */
@Singleton
public class ClaimGathering {
  /**
   * How many batches' worth of the oldest due items the count reads: a claim takes its batch from
   * the front of the due queue, so a group further back cannot be in it unless held groups fill
   * nine tenths of the window.
   */
  static final int WINDOW_BATCHES = 10;

  private final GatheringConfig config;
  private final int window;
  private final Db db;
  private final GatherWindows windows;
  private final LongSupplier nanoTime;

  @Inject
  public ClaimGathering(GatheringConfig config, PipelineConfig pipeline, Db db) {
    this(config, pipeline.batchSize(), db, System::nanoTime);
  }

  ClaimGathering(GatheringConfig config, int fill, Db db, LongSupplier nanoTime) {
    this.config = config;
    this.window = WINDOW_BATCHES * fill;
    this.db = db;
    this.windows = new GatherWindows(fill, config.quietPeriod(), config.maxWait());
    this.nanoTime = nanoTime;
  }

  /**
   * Counts the gathering types' due items and decides which groups the next claim leaves out. Every
   * round must be ended ({@link #end}) once its claim has committed or failed.
   */
  GatherWindows.Round begin(long nowMillis) {
    if (!config.enabled()) {
      return GatherWindows.Round.NONE;
    }
    long observedAt = nanoTime.getAsLong();
    return windows.decide(dueCounts(nowMillis), observedAt);
  }

  void end(GatherWindows.Round round) {
    if (!round.released().isEmpty()) {
      windows.settle(round.released(), nanoTime.getAsLong());
    }
  }

  /**
   * How long an idle worker may wait for a signal before looking again: the idle poll interval, or
   * less when a held group ripens sooner (so a lone change waits the quiet period, not a poll).
   */
  public Duration idleWait(Duration idlePollInterval) {
    long nanos = windows.nanosUntilNextRipening(nanoTime.getAsLong());
    if (nanos >= idlePollInterval.toNanos()) {
      return idlePollInterval;
    }
    return Duration.ofMillis(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos) + 1));
  }

  /**
   * The gathering types' items among the oldest {@link #WINDOW_BATCHES} batches of due items, in
   * the claim's order, per group. Why a window: counting every due item read each one's row, so a
   * count cost grew with the backlog (about 300 ms a claim on MariaDB at 100,000 due items, 110 ms
   * on H2); the window reads a fixed number of index entries and rows (10–20 ms there, measured by
   * hand: docs/pipeline.md, "Gathering"). In a backlog a group's count then changes as the window
   * moves, so it is claimed when full or after {@code max-wait}, as a steady stream is.
   */
  private Map<GatherGroup, Integer> dueCounts(long nowMillis) {
    return db.read(
        connection -> {
          Map<GatherGroup, Integer> due = new HashMap<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT store_hash, entity_type, COUNT(*) FROM (SELECT store_hash, entity_type"
                      + " FROM work_item WHERE status = 'PENDING' AND next_attempt_at_ms <= ?"
                      + WorkQueue.CLAIM_ORDER
                      + " LIMIT ?) due WHERE entity_type IN ("
                      + Sql.placeholders(config.types().size())
                      + ") GROUP BY store_hash, entity_type")) {
            select.setLong(1, nowMillis);
            select.setInt(2, window);
            Sql.bindAll(select, 3, config.types());
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                due.put(new GatherGroup(rs.getString(1), rs.getString(2)), rs.getInt(3));
              }
            }
          }
          return due;
        });
  }
}
