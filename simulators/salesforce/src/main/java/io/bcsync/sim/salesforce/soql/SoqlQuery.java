package io.bcsync.sim.salesforce.soql;

import java.util.List;

/**
 * Parsed SOQL: the supported subset (fields and parent paths, parent-to-child subqueries, WHERE,
 * ORDER BY, LIMIT, OFFSET, COUNT()). In a subquery, {@code object} is the child relationship name
 * its FROM names ({@code OrderItems}).
 */
public record SoqlQuery(
    String object,
    List<FieldPath> fields,
    List<ChildQuery> children,
    boolean countOnly,
    Condition where,
    List<Ordering> orderBy,
    Integer limit,
    Integer offset) {

  /**
   * A parent-to-child subquery of the select list; position is the number of plain fields before
   * it, so results keep select order.
   */
  public record ChildQuery(SoqlQuery query, int position) {}

  /** Field or dotted relationship path, e.g. Account.Owner.Email. */
  public record FieldPath(List<String> segments, int column) {
    public String text() {
      return String.join(".", segments);
    }
  }

  public record Ordering(FieldPath field, boolean ascending, boolean nullsFirst) {}

  /**
   * A literal as written: STRING, NUMBER, BOOLEAN, NULL, DATE (unquoted date or datetime text) or
   * RELATIVE_DATE (TODAY, LAST_N_DAYS:n...).
   */
  public record Literal(Kind kind, String text) {
    public enum Kind {
      STRING,
      NUMBER,
      BOOLEAN,
      NULL,
      DATE,
      RELATIVE_DATE
    }
  }

  public sealed interface Condition permits Comparison, InList, And, Or, Not {}

  /** op is one of =, !=, <, <=, >, >=, LIKE. */
  public record Comparison(FieldPath field, String op, Literal value) implements Condition {}

  public record InList(FieldPath field, boolean negated, List<Literal> values)
      implements Condition {}

  public record And(Condition left, Condition right) implements Condition {}

  public record Or(Condition left, Condition right) implements Condition {}

  public record Not(Condition inner) implements Condition {}
}
