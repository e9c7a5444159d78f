package io.bcsync.pipeline;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes idle workers when intake stores new work, so latency does not depend on the idle poll
 * interval.
 */
@Singleton
public class WorkSignal {
  private final Semaphore permits = new Semaphore(0);

  public void wake() {
    if (permits.availablePermits() < 64) {
      permits.release();
    }
  }

  /** Returns early when woken; otherwise after {@code timeout}. */
  public void await(Duration timeout) throws InterruptedException {
    if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      permits.drainPermits();
    }
  }
}
