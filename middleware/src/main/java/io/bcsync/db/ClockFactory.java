package io.bcsync.db;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Every due time and backoff reads this clock, so tests can move time instead of sleeping. */
@Factory
public class ClockFactory {
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
