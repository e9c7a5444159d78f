package io.bcsync.sim.salesforce.soql;

import io.bcsync.sim.salesforce.fault.ApiFault;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SOQL relative date literals (TODAY, YESTERDAY, TOMORROW, LAST_N_DAYS:n, NEXT_N_DAYS:n,
 * N_DAYS_AGO:n) as a range of days [first, end) in the user's time zone, which is UTC in the
 * simulator. The other literals Salesforce has (THIS_WEEK, LAST_QUARTER...) are refused as
 * MALFORMED_QUERY rather than guessed. Source: "Date Formats and Date Literals", SOQL and SOSL
 * Reference
 * (developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm).
 */
final class DateLiterals {
  private static final Pattern WITH_N =
      Pattern.compile("(LAST_N_DAYS|NEXT_N_DAYS|N_DAYS_AGO):(\\d+)");
  private static final Pattern LOOKS_LIKE =
      Pattern.compile("TODAY|YESTERDAY|TOMORROW|(LAST|THIS|NEXT)_[A-Z_]+(:\\d+)?|N_[A-Z_]+:\\d+");

  private DateLiterals() {}

  /** Days [first, end) in UTC. */
  record Range(LocalDate first, LocalDate end) {
    Instant start() {
      return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant endInstant() {
      return end.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  static boolean isLiteral(String word) {
    return LOOKS_LIKE.matcher(word.toUpperCase(Locale.ROOT)).matches();
  }

  static Range range(String literal, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    String upper = literal.toUpperCase(Locale.ROOT);
    switch (upper) {
      case "TODAY":
        return new Range(today, today.plusDays(1));
      case "YESTERDAY":
        return new Range(today.minusDays(1), today);
      case "TOMORROW":
        return new Range(today.plusDays(1), today.plusDays(2));
      default:
        break;
    }
    Matcher m = WITH_N.matcher(upper);
    if (m.matches()) {
      long n = Long.parseLong(m.group(2));
      switch (m.group(1)) {
        case "LAST_N_DAYS":
          // "starts with the current day and continues for the past n days"
          return new Range(today.minusDays(n), today.plusDays(1));
        case "NEXT_N_DAYS":
          return new Range(today.plusDays(1), today.plusDays(n + 1));
        default:
          return new Range(today.minusDays(n), today.minusDays(n - 1));
      }
    }
    throw ApiFault.malformedQuery(
        "date literal " + literal + " is not supported by the simulated org");
  }
}
