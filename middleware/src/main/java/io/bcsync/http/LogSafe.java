package io.bcsync.http;

/**
 * Text from outside (a header, a query parameter) as it may be logged or echoed: visible ASCII
 * only, so it cannot forge a log line or smuggle markup, and short.
 */
public final class LogSafe {
  private LogSafe() {}

  /** {@code value} with every character outside visible ASCII as {@code ?}, cut at {@code max}. */
  public static String printable(String value, int max) {
    if (value == null) {
      return "";
    }
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      if (shown.length() == max) {
        return shown + "...";
      }
      char c = value.charAt(i);
      shown.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return shown.toString();
  }
}
