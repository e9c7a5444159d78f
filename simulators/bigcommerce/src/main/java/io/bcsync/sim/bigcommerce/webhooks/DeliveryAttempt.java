package io.bcsync.sim.bigcommerce.webhooks;

import java.time.Instant;

/**
 * One attempt to deliver a callback. {@code status} is the HTTP status, or 0 when the destination
 * could not be reached or timed out. {@code attempt} is 1 for the first try.
 */
public record DeliveryAttempt(
    String storeHash,
    long hookId,
    String scope,
    String messageId,
    int attempt,
    Instant at,
    int status,
    String body) {

  public boolean succeeded() {
    return status >= 200 && status < 300;
  }
}
