package io.bcsync.salesforce.lookup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs many alternatives ({@code Field IN (...)} values and free-standing clauses such as {@code
 * Phone LIKE ...}) into as few {@code (a OR b OR ...)} WHERE parts as a length budget allows. The
 * budget keeps every statement far below SOQL's 100,000-character limit, and each IN list is cut at
 * {@link #MAX_IN_LIST_CHARS} so no single list grows large either.
 */
final class OrClauses {
  static final int MAX_IN_LIST_CHARS = 3_900;

  private final int budget;
  private final Map<String, List<String>> inValues = new LinkedHashMap<>();
  private final List<String> clauses = new ArrayList<>();

  OrClauses(int budget) {
    this.budget = budget;
  }

  /** {@code field IN (..., literal, ...)}; the literal must already be a SOQL literal. */
  OrClauses in(String field, String literal) {
    List<String> values = inValues.computeIfAbsent(field, f -> new ArrayList<>());
    if (!values.contains(literal)) {
      values.add(literal);
    }
    return this;
  }

  OrClauses clause(String clause) {
    if (!clauses.contains(clause)) {
      clauses.add(clause);
    }
    return this;
  }

  boolean isEmpty() {
    return inValues.isEmpty() && clauses.isEmpty();
  }

  /**
   * Each element is one parenthesised disjunction of at most {@code budget} characters (a single
   * clause aside).
   */
  List<String> chunks() {
    List<String> pieces = new ArrayList<>();
    inValues.forEach((field, values) -> pieces.addAll(inLists(field, values)));
    pieces.addAll(clauses);
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String piece : pieces) {
      if (current.length() > 0 && current.length() + piece.length() + 6 > budget) {
        chunks.add("(" + current + ")");
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append(" OR ");
      }
      current.append(piece);
    }
    if (current.length() > 0) {
      chunks.add("(" + current + ")");
    }
    return chunks;
  }

  private static List<String> inLists(String field, List<String> values) {
    List<String> lists = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String value : values) {
      if (current.length() > 0 && current.length() + value.length() + 1 > MAX_IN_LIST_CHARS) {
        lists.add(field + " IN (" + current + ")");
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append(',');
      }
      current.append(value);
    }
    if (current.length() > 0) {
      lists.add(field + " IN (" + current + ")");
    }
    return lists;
  }
}
