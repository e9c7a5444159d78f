package io.bcsync.console;

import io.bcsync.pipeline.EntityRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

  /** A configured period in its largest whole unit: {@code 30 days}, {@code 72 hours}. */
  public static String period(Duration duration) {
    if (duration.toDays() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
      return plural(duration.toDays(), "day");
    }
    if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
      return plural(duration.toHours(), "hour");
    }
    return plural(Math.max(1, duration.toMinutes()), "minute");
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }

  /**
   * The record-timeline search that finds the record a work item is about: its id for orders,
   * customers, their follow-up work and Salesforce records; the order id of an order's notice
   * ({@code 250:slack:rule}); null when the timeline cannot search for it.
   */
  public static String timelineQuery(EntityRef entity) {
    if (entity.isSalesforce()) {
      return entity.id();
    }
    return switch (entity.type()) {
      case "order", "customer", "product", "order_salesforce_id" -> entity.id();
      case "order_notice" ->
          entity.id().contains(":") ? entity.id().substring(0, entity.id().indexOf(':')) : null;
      default -> null;
    };
  }

  /** The timeline page's address for a work item's record, or null (see timelineQuery). */
  public static String timelineHref(EntityRef entity) {
    String q = timelineQuery(entity);
    if (q == null) {
      return null;
    }
    return "/timeline?q="
        + URLEncoder.encode(q, StandardCharsets.UTF_8)
        + (entity.isSalesforce()
            ? ""
            : "&store=" + URLEncoder.encode(entity.storeHash(), StandardCharsets.UTF_8));
  }

  /** {@code used / limit}, or "not known yet" before the first report. */
  public static String usage(Long used, Long limit) {
    if (used == null || limit == null || used < 0 || limit <= 0) {
      return "not known yet";
    }
    return used + " of " + limit + " (" + (used * 100 / limit) + " %)";
  }

  /** The name of a system a failed call went to, as people write it. */
  public static String systemName(String system) {
    if (system == null) {
      return "";
    }
    return switch (system) {
      case "salesforce" -> "Salesforce";
      case "bigcommerce" -> "BigCommerce";
      default -> system;
    };
  }
}
