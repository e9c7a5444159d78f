package io.bcsync.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console's templates write instants and ages (UTC, like the logs). */
public final class ConsoleFormat {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private ConsoleFormat() {}

  public static String time(Long epochMs) {
    return epochMs == null ? "—" : TIME.format(Instant.ofEpochMilli(epochMs));
  }

  /** {@code 42 s}, {@code 5 min}, {@code 3 h 20 min}, {@code 2 d 4 h}; a dash when unknown. */
  public static String age(Long seconds) {
    if (seconds == null) {
      return "—";
    }
    if (seconds < 120) {
      return seconds + " s";
    }
    long minutes = seconds / 60;
    if (minutes < 120) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    if (hours < 48) {
      return hours + " h " + (minutes % 60) + " min";
    }
    return (hours / 24) + " d " + (hours % 24) + " h";
  }

  /** {@code used / limit}, or "not known yet" before the first report. */
  public static String usage(Long used, Long limit) {
    if (used == null || limit == null || used < 0 || limit <= 0) {
      return "not known yet";
    }
    return used + " of " + limit + " (" + (used * 100 / limit) + " %)";
  }
}
