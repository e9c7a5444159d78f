package io.bcsync.sim.bigcommerce.webhooks;

import java.time.Duration;
import java.util.Random;

/**
 * Delivery misbehaviour on request: duplicate some deliveries and hold each one back for a random
 * delay, which also reorders them. Seeded, so a test run is repeatable.
 */
public final class DeliveryChaos {
  public static final DeliveryChaos NONE = new DeliveryChaos(0, Duration.ZERO, 0);

  private final double duplicateProbability;
  private final Duration maxDelay;
  private final Random random;

  public DeliveryChaos(double duplicateProbability, Duration maxDelay, long seed) {
    this.duplicateProbability = duplicateProbability;
    this.maxDelay = maxDelay;
    this.random = new Random(seed);
  }

  synchronized boolean duplicate() {
    return duplicateProbability > 0 && random.nextDouble() < duplicateProbability;
  }

  synchronized Duration delay() {
    return maxDelay.isZero()
        ? Duration.ZERO
        : Duration.ofMillis((long) (random.nextDouble() * maxDelay.toMillis()));
  }
}
