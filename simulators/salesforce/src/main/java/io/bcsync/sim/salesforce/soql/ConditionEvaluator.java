package io.bcsync.sim.salesforce.soql;

import io.bcsync.sim.salesforce.data.FieldValues;
import io.bcsync.sim.salesforce.fault.ApiFault;
import io.bcsync.sim.salesforce.ids.SalesforceIds;
import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.FieldType;
import io.bcsync.sim.salesforce.soql.SoqlQuery.Literal;
import java.math.BigDecimal;
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

  static boolean compare(FieldDef field, Object actual, String op, Literal literal) {
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

  private static Object coerce(FieldDef field, Literal literal) {
    if (literal.kind() == Literal.Kind.NULL) {
      return null;
    }
    String text = literal.text();
    try {
      return switch (field.type().kind()) {
        case TEXT ->
            field.type() == FieldType.ID || field.type() == FieldType.REFERENCE
                ? SalesforceIds.normalize(text).orElse(text)
                : text;
        case NUMBER -> new BigDecimal(text);
        case BOOLEAN -> Boolean.parseBoolean(text);
        case DATE -> LocalDate.parse(text.substring(0, 10));
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
