package io.bcsync.sim.salesforce.soql;

import io.bcsync.sim.salesforce.data.FieldValues;
import io.bcsync.sim.salesforce.fault.ApiFault;
import io.bcsync.sim.salesforce.ids.SalesforceIds;
import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.FieldType;
import io.bcsync.sim.salesforce.schema.FieldType.ValueKind;
import io.bcsync.sim.salesforce.soql.SoqlQuery.Literal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SOQL comparison semantics: text compares ignoring case, ids accept 15 or 18 characters, null only
 * equals null.
 */
final class ConditionEvaluator {
  private ConditionEvaluator() {}

  static boolean compare(FieldDef field, Object actual, String op, Literal literal, Instant now) {
    if (literal.kind() == Literal.Kind.RELATIVE_DATE) {
      return inRange(field, actual, op, DateLiterals.range(literal.text(), now));
    }
    Object expected = coerce(field, literal);
    if (expected == null || actual == null) {
      return switch (op) {
        case "=" -> expected == actual;
        case "!=" -> expected != actual;
        default -> false;
      };
    }
    if (op.equals("LIKE")) {
      return likePattern(literal.text()).matcher(actual.toString()).matches();
    }
    int order = ORDER.compare(actual, expected);
    return switch (op) {
      case "=" -> order == 0;
      case "!=" -> order != 0;
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      case ">=" -> order >= 0;
      default -> throw ApiFault.malformedQuery("unsupported operator " + op);
    };
  }

  /** Sort order of typed values; text ignores case as in SOQL. */
  static final Comparator<Object> ORDER =
      (a, b) -> {
        if (a instanceof String x && b instanceof String y) {
          return x.compareToIgnoreCase(y);
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
          return x.compareTo(y);
        }
        if (a instanceof Comparable<?> && a.getClass() == b.getClass()) {
          @SuppressWarnings("unchecked")
          Comparable<Object> comparable = (Comparable<Object>) a;
          return comparable.compareTo(b);
        }
        return a.toString().compareToIgnoreCase(b.toString());
      };

  /**
   * TODAY, LAST_N_DAYS:n...: = is within the range, &lt; before it, &gt; after it (SOQL "Date
   * Formats and Date Literals").
   */
  private static boolean inRange(FieldDef field, Object actual, String op, DateLiterals.Range r) {
    Comparable<?> start;
    Comparable<?> end;
    if (field.type().kind() == ValueKind.DATE) {
      start = r.first();
      end = r.end();
    } else if (field.type().kind() == ValueKind.DATETIME) {
      start = r.start();
      end = r.endInstant();
    } else {
      throw notOfType(field, "");
    }
    if (actual == null) {
      return op.equals("!=");
    }
    boolean afterStart = ORDER.compare(actual, start) >= 0;
    boolean beforeEnd = ORDER.compare(actual, end) < 0;
    return switch (op) {
      case "=" -> afterStart && beforeEnd;
      case "!=" -> !(afterStart && beforeEnd);
      case "<" -> !afterStart;
      case "<=" -> beforeEnd;
      case ">" -> !beforeEnd;
      case ">=" -> afterStart;
      default ->
          throw ApiFault.malformedQuery("unsupported operator " + op + " for a date literal");
    };
  }

  /**
   * Checks a literal against its field before any row is read, so that a bad filter fails even on
   * an empty table, as the real query compiler does.
   */
  static void check(FieldDef field, Literal literal) {
    if (literal.kind() == Literal.Kind.NULL) {
      return;
    }
    if (literal.kind() == Literal.Kind.RELATIVE_DATE) {
      ValueKind kind = field.type().kind();
      if (kind != ValueKind.DATE && kind != ValueKind.DATETIME) {
        throw notOfType(field, "");
      }
      DateLiterals.range(literal.text(), Instant.EPOCH);
      return;
    }
    requireDateLiteral(field, literal);
  }

  /**
   * Date and datetime fields take only unquoted literals of their own kind: a datetime field
   * refuses '2024-01-01T00:00:00Z' and 2024-01-01, a date field refuses '2024-01-01' and a datetime
   * (salesforce.md G; INVALID_FIELD with Salesforce's "must be of type ..." text).
   */
  private static void requireDateLiteral(FieldDef field, Literal literal) {
    ValueKind kind = field.type().kind();
    if (kind != ValueKind.DATE && kind != ValueKind.DATETIME) {
      return;
    }
    if (literal.kind() != Literal.Kind.DATE) {
      throw notOfType(
          field,
          literal.kind() == Literal.Kind.STRING ? " and should not be enclosed in quotes" : "");
    }
    boolean hasTime = literal.text().contains("T");
    if (hasTime != (kind == ValueKind.DATETIME)) {
      throw notOfType(field, "");
    }
  }

  private static ApiFault notOfType(FieldDef field, String suffix) {
    return ApiFault.invalidField(
        "value of filter criterion for field '"
            + field.name()
            + "' must be of type "
            + field.type().describeName()
            + suffix);
  }

  private static Object coerce(FieldDef field, Literal literal) {
    if (literal.kind() == Literal.Kind.NULL) {
      return null;
    }
    requireDateLiteral(field, literal);
    String text = literal.text();
    try {
      return switch (field.type().kind()) {
        case TEXT ->
            field.type() == FieldType.ID || field.type() == FieldType.REFERENCE
                ? SalesforceIds.normalize(text).orElse(text)
                : text;
        case NUMBER -> new BigDecimal(text);
        case BOOLEAN -> Boolean.parseBoolean(text);
        case DATE -> LocalDate.parse(text);
        case DATETIME -> FieldValues.parseInstant(text);
      };
    } catch (RuntimeException e) {
      throw ApiFault.of(
          ApiFault.Type.MALFORMED_QUERY,
          "MALFORMED_QUERY",
          "value of filter criterion for field '"
              + field.name()
              + "' must be of type "
              + field.type().describeName()
              + " and should not be enclosed in quotes");
    }
  }

  private static Pattern likePattern(String like) {
    StringBuilder regex = new StringBuilder();
    for (char c : like.toCharArray()) {
      switch (c) {
        case '%' -> regex.append(".*");
        case '_' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(
        regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL | Pattern.UNICODE_CASE);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
