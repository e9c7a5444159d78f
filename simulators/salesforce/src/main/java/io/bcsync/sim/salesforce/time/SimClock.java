package io.bcsync.sim.salesforce.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The org's notion of "now": wall-clock time plus an offset that tests move forward, so retention
 * windows and session timeouts can be crossed without sleeping.
 */
public final class SimClock extends Clock {
  private final Clock base;
  private volatile Duration offset = Duration.ZERO;

  public SimClock(Clock base) {
    this.base = base;
  }

  public static SimClock system() {
    return new SimClock(Clock.systemUTC());
  }

  public void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("simulated time only moves forward");
    }
    synchronized (this) {
      offset = offset.plus(amount);
    }
  }

  public Duration offset() {
    return offset;
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated org always runs in UTC");
  }
}
