package io.bcsync.sync.rules;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.bcsync.config.InvalidConfigurationException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code fulfilment-delay} cluster job (once per cluster, like the pipeline's jobs): every
 * {@code bcsync.sync.rules.fulfilment-delay-interval} (default 5 min) it enqueues the work items of
 * the watched orders that are due ({@link FulfilmentWatch}). The order is then synced as after a
 * webhook: read again, so an order fulfilled meanwhile fires nothing, and the {@code
 * fulfilment_delayed} trigger sees a still-awaiting order late and fires once (the firing record
 * keeps it to one Case per order and reason however often this runs). A Case therefore opens up to
 * one interval after the order turns late. Cost: one order sync (a read and its upserts) per late
 * order, once; nothing for orders an event had already brought up to date.
 */
@Factory
public class FulfilmentDelays {
  private static final Logger LOG = LoggerFactory.getLogger(FulfilmentDelays.class);

  /** Orders enqueued per transaction; a run takes up to {@link #MAX_PAGES} of them. */
  static final int PAGE = 500;

  static final int MAX_PAGES = 20;

  @Singleton
  @Named("fulfilment-delay")
  RecurringTask<Void> fulfilmentDelay(
      FulfilmentWatch watch,
      Clock clock,
      @Value("${bcsync.sync.rules.fulfilment-delay-interval:5m}") Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new InvalidConfigurationException(
          "bcsync.sync.rules.fulfilment-delay-interval", "must be positive; was " + interval);
    }
    return Tasks.recurring("fulfilment-delay", FixedDelay.of(interval))
        .execute((instance, context) -> run(watch, clock.millis()));
  }

  /** Enqueues everything due at {@code nowMs}; answers how many orders. */
  public static int run(FulfilmentWatch watch, long nowMs) {
    int enqueued = 0;
    for (int page = 0; page < MAX_PAGES; page++) {
      List<FulfilmentWatch.Due> due = watch.enqueueDue(nowMs, PAGE);
      enqueued += due.size();
      if (due.size() < PAGE) {
        break;
      }
    }
    if (enqueued > 0) {
      LOG.info("Fulfilment delays: {} order(s) awaiting fulfilment are due a check", enqueued);
    }
    return enqueued;
  }
}
