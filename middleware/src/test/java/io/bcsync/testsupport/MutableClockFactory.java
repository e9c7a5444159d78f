package io.bcsync.testsupport;

import io.bcsync.db.ClockFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Replaces the system clock in tests that set {@code test.mutable-clock=true}. */
@Factory
@Requires(property = "test.mutable-clock", value = "true")
public class MutableClockFactory {
  @Singleton
  @Replaces(bean = Clock.class, factory = ClockFactory.class)
  MutableClock mutableClock() {
    return new MutableClock(System.currentTimeMillis());
  }
}
