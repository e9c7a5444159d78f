package io.bcsync.sync.revenue;

/** A day that could not be summarised; {@code retryable} says whether running it again may help. */
public class DailyRevenueException extends RuntimeException {
  private final boolean retryable;

  public DailyRevenueException(String message, boolean retryable) {
    super(message);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
