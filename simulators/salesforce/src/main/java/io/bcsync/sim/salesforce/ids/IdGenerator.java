package io.bcsync.sim.salesforce.ids;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Mints ids shaped like real ones: key prefix (3), pod identifier (2), reserved "0", then a
 * 9-character base-62 counter. One counter per org keeps ids unique and increasing, as in a real
 * org.
 */
public final class IdGenerator {
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String POD = "8c";

  private final AtomicLong counter = new AtomicLong(1_000);

  public String next(String keyPrefix) {
    return SalesforceIds.to18(keyPrefix + POD + "0" + base62(counter.incrementAndGet(), 9));
  }

  static String base62(long value, int width) {
    char[] out = new char[width];
    long rest = value;
    for (int i = width - 1; i >= 0; i--) {
      out[i] = BASE62.charAt((int) (rest % 62));
      rest /= 62;
    }
    return new String(out);
  }
}
