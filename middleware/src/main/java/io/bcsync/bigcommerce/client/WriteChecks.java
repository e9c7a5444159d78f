package io.bcsync.bigcommerce.client;

import java.math.BigDecimal;

/**
 * Checks typed write requests make on construction, so a malformed write fails in our code with a
 * clear message instead of costing an API call (and quota) for a 422.
 */
final class WriteChecks {
  private WriteChecks() {}

  static void positive(long value, String what) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, was " + value);
    }
  }

  static void notNegative(BigDecimal value, String what) {
    if (value != null && value.signum() < 0) {
      throw new IllegalArgumentException(what + " must not be negative");
    }
  }

  static void notNegative(Integer value, String what) {
    if (value != null && value < 0) {
      throw new IllegalArgumentException(what + " must not be negative");
    }
  }

  static String notBlank(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }

  /**
   * BigCommerce identifies a stock or price item by exactly one key; two keys would be ambiguous.
   */
  static void exactlyOne(String what, Object... keys) {
    long present = java.util.Arrays.stream(keys).filter(k -> k != null).count();
    if (present != 1) {
      throw new IllegalArgumentException(
          what + " needs exactly one of its identifying keys, got " + present);
    }
  }
}
