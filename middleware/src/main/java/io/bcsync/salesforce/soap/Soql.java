package io.bcsync.salesforce.soap;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.stream.Collectors;

/** Builds SOQL literals safely; values never go into a query any other way. */
public final class Soql {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private Soql() {}

  /**
   * A quoted string literal. SOQL escapes with a backslash: quotes, the backslash itself and
   * control characters (newline, tab...). LIKE wildcards are left alone; use {@link #likeLiteral}
   * for those.
   */
  public static String literal(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> out.append(c);
      }
    }
    return out.append('\'').toString();
  }

  /** A literal for LIKE that matches the value exactly: % and _ are escaped too. */
  public static String likeLiteral(String value) {
    String quoted = literal(value);
    return quoted.replace("%", "\\%").replace("_", "\\_");
  }

  /**
   * A LIKE literal whose parts match exactly and are joined by the {@code %} wildcard: {@code
   * likePattern("jo", "@x.com")} is {@code 'jo%@x.com'}; an empty first or last part gives a
   * leading or trailing wildcard.
   */
  public static String likePattern(java.util.List<String> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a LIKE pattern needs at least one part");
    }
    return parts.stream()
        .map(
            part -> {
              String quoted = likeLiteral(part);
              return quoted.substring(1, quoted.length() - 1);
            })
        .collect(Collectors.joining("%", "'", "'"));
  }

  /** {@code ('a','b')} for IN clauses. */
  public static String inList(Collection<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("IN () is not valid SOQL");
    }
    return values.stream().map(Soql::literal).collect(Collectors.joining(",", "(", ")"));
  }

  /** SOQL dateTime literals are unquoted UTC: {@code 2026-01-31T23:59:59Z}. */
  public static String dateTime(Instant instant) {
    return DATE_TIME.format(instant);
  }

  /** API names are not escapable: accept only what Salesforce allows in a name. */
  public static String name(String apiName) {
    if (!apiName.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*")) {
      throw new IllegalArgumentException("not an API name: " + apiName);
    }
    return apiName;
  }
}
