package io.bcsync.sync.revenue;

import io.bcsync.config.DailyRevenueConfig;
import io.bcsync.sync.port.SalesReader;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled part of the daily revenue summary: on every tick of the {@code daily-revenue}
 * cluster job (db-scheduler: one instance at a time in the whole cluster, {@link
 * DailyRevenueJobs}), each readable store whose local time has passed {@code run-at} gets its
 * previous local day summarised, unless that day is recorded as done ({@code
 * sync_daily_revenue_done}). A failed day is not recorded, so the next tick tries it again; a day
 * the job missed (the service was down) is caught up on the next tick as long as it is yesterday
 * (older days: {@code scripts/backfill --daily-revenue}).
 */
@Singleton
public class DailyRevenueJob {
  private static final Logger LOG = LoggerFactory.getLogger(DailyRevenueJob.class);

  private final SalesReader reader;
  private final DailyRevenue dailyRevenue;
  private final RevenueLedger ledger;
  private final DailyRevenueConfig config;
  private final Clock clock;

  DailyRevenueJob(
      SalesReader reader,
      DailyRevenue dailyRevenue,
      RevenueLedger ledger,
      DailyRevenueConfig config,
      Clock clock) {
    this.reader = reader;
    this.dailyRevenue = dailyRevenue;
    this.ledger = ledger;
    this.config = config;
    this.clock = clock;
  }

  /** One tick: summarises every store's yesterday that is due and not done; answers what ran. */
  public List<DailyRevenue.DayResult> runDue() {
    List<DailyRevenue.DayResult> done = new ArrayList<>();
    for (String storeHash : reader.readableStores()) {
      try {
        ZoneId zone = dailyRevenue.zoneOf(storeHash);
        ZonedDateTime local = clock.instant().atZone(zone);
        if (local.toLocalTime().isBefore(config.runAtTime())) {
          continue;
        }
        LocalDate yesterday = local.toLocalDate().minusDays(1);
        if (ledger.isDone(storeHash, yesterday)) {
          continue;
        }
        done.add(dailyRevenue.build(storeHash, yesterday, zone));
        ledger.markDone(storeHash, yesterday);
      } catch (RuntimeException e) {
        // One store's failure must not stop the others; the day stays not done and is retried on
        // the next tick.
        LOG.warn(
            "Daily revenue of store {} failed; retried on the next run: {}",
            storeHash,
            e.toString());
      }
    }
    return done;
  }

  /**
   * Rebuilds every day from {@code since} to yesterday (store-local) for one store: what {@code
   * scripts/backfill --daily-revenue} asks for. Stops at the first day that fails (thrown).
   */
  public List<DailyRevenue.DayResult> rebuild(String storeHash, LocalDate since) {
    ZoneId zone = dailyRevenue.zoneOf(storeHash);
    LocalDate yesterday = clock.instant().atZone(zone).toLocalDate().minusDays(1);
    List<DailyRevenue.DayResult> results = new ArrayList<>();
    for (LocalDate day = since; !day.isAfter(yesterday); day = day.plusDays(1)) {
      results.add(dailyRevenue.build(storeHash, day, zone));
      ledger.markDone(storeHash, day);
    }
    return results;
  }
}
