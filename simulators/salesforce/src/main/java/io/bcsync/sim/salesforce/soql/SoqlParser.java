package io.bcsync.sim.salesforce.soql;

import io.bcsync.sim.salesforce.fault.ApiFault;
import io.bcsync.sim.salesforce.soql.SoqlQuery.And;
import io.bcsync.sim.salesforce.soql.SoqlQuery.Comparison;
import io.bcsync.sim.salesforce.soql.SoqlQuery.Condition;
import io.bcsync.sim.salesforce.soql.SoqlQuery.FieldPath;
import io.bcsync.sim.salesforce.soql.SoqlQuery.InList;
import io.bcsync.sim.salesforce.soql.SoqlQuery.Literal;
import io.bcsync.sim.salesforce.soql.SoqlQuery.Not;
import io.bcsync.sim.salesforce.soql.SoqlQuery.Or;
import io.bcsync.sim.salesforce.soql.SoqlQuery.Ordering;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the SOQL subset; anything else is MALFORMED_QUERY, as the API would
 * say.
 */
public final class SoqlParser {
  private final List<Token> tokens;
  private int position;

  private SoqlParser(String soql) {
    this.tokens = SoqlLexer.tokenize(soql);
  }

  /** SOQL statements over 100,000 characters are refused (SOAP API; salesforce.md G). */
  static final int MAX_STATEMENT = 100_000;

  public static SoqlQuery parse(String soql) {
    if (soql.length() > MAX_STATEMENT) {
      throw ApiFault.malformedQuery(
          "SOQL statements cannot be longer than "
              + MAX_STATEMENT
              + " characters (this one has "
              + soql.length()
              + ")");
    }
    return new SoqlParser(soql).query();
  }

  private SoqlQuery query() {
    SoqlQuery query = select(false);
    if (peek().kind() != Token.Kind.END) {
      throw unexpected(peek());
    }
    return query;
  }

  /**
   * One SELECT; nested = a parent-to-child subquery, which names a child relationship in its FROM
   * and may not hold COUNT(), OFFSET or a subquery of its own here. Salesforce allows OFFSET in a
   * subquery only under conditions (a parent query with LIMIT 1) and deeper nesting only in newer
   * API versions through REST; refusing them is the stricter choice.
   */
  private SoqlQuery select(boolean nested) {
    expectWord("SELECT");
    boolean countOnly = false;
    List<FieldPath> fields = new ArrayList<>();
    List<SoqlQuery.ChildQuery> children = new ArrayList<>();
    if (peek().isWord("COUNT") && tokens.get(position + 1).isSymbol("(")) {
      if (nested) {
        throw unexpected(peek());
      }
      next();
      expectSymbol("(");
      expectSymbol(")");
      countOnly = true;
    } else {
      selectItem(nested, fields, children);
      while (peek().isSymbol(",")) {
        next();
        selectItem(nested, fields, children);
      }
    }
    expectWord("FROM");
    String object = word().text();
    Condition where = null;
    if (peek().isWord("WHERE")) {
      next();
      where = orCondition();
    }
    List<Ordering> orderBy = new ArrayList<>();
    if (peek().isWord("ORDER")) {
      next();
      expectWord("BY");
      orderBy.add(ordering());
      while (peek().isSymbol(",")) {
        next();
        orderBy.add(ordering());
      }
    }
    Integer limit = null;
    Integer offset = null;
    if (peek().isWord("LIMIT")) {
      next();
      limit = integer();
    }
    if (!nested && peek().isWord("OFFSET")) {
      next();
      offset = integer();
    }
    return new SoqlQuery(object, fields, children, countOnly, where, orderBy, limit, offset);
  }

  private void selectItem(
      boolean nested, List<FieldPath> fields, List<SoqlQuery.ChildQuery> children) {
    if (!peek().isSymbol("(")) {
      fields.add(fieldPath());
      return;
    }
    if (nested) {
      throw unexpected(peek());
    }
    next();
    SoqlQuery child = select(true);
    expectSymbol(")");
    children.add(new SoqlQuery.ChildQuery(child, fields.size()));
  }

  private Ordering ordering() {
    FieldPath field = fieldPath();
    boolean ascending = true;
    if (peek().isWord("ASC") || peek().isWord("DESC")) {
      ascending = next().isWord("ASC");
    }
    boolean nullsFirst = ascending;
    if (peek().isWord("NULLS")) {
      next();
      Token which = word();
      if (!which.isWord("FIRST") && !which.isWord("LAST")) {
        throw unexpected(which);
      }
      nullsFirst = which.isWord("FIRST");
    }
    return new Ordering(field, ascending, nullsFirst);
  }

  private Condition orCondition() {
    Condition left = andCondition();
    while (peek().isWord("OR")) {
      next();
      left = new Or(left, andCondition());
    }
    return left;
  }

  private Condition andCondition() {
    Condition left = unary();
    while (peek().isWord("AND")) {
      next();
      left = new And(left, unary());
    }
    return left;
  }

  private Condition unary() {
    if (peek().isWord("NOT")) {
      next();
      return new Not(unary());
    }
    if (peek().isSymbol("(")) {
      next();
      Condition inner = orCondition();
      expectSymbol(")");
      return inner;
    }
    return predicate();
  }

  private Condition predicate() {
    FieldPath field = fieldPath();
    Token op = next();
    if (op.isWord("IS")) {
      boolean negated = peek().isWord("NOT");
      if (negated) {
        next();
      }
      expectWord("NULL");
      return new Comparison(field, negated ? "!=" : "=", new Literal(Literal.Kind.NULL, "null"));
    }
    if (op.isWord("NOT")) {
      expectWord("IN");
      return new InList(field, true, literalList());
    }
    if (op.isWord("IN")) {
      return new InList(field, false, literalList());
    }
    if (op.isWord("LIKE")) {
      return new Comparison(field, "LIKE", literal());
    }
    if (op.kind() == Token.Kind.SYMBOL
        && List.of("=", "!=", "<", "<=", ">", ">=").contains(op.text())) {
      return new Comparison(field, op.text(), literal());
    }
    throw unexpected(op);
  }

  private List<Literal> literalList() {
    expectSymbol("(");
    List<Literal> values = new ArrayList<>();
    values.add(literal());
    while (peek().isSymbol(",")) {
      next();
      values.add(literal());
    }
    expectSymbol(")");
    return values;
  }

  private Literal literal() {
    Token t = next();
    return switch (t.kind()) {
      case STRING -> new Literal(Literal.Kind.STRING, t.text());
      case NUMBER -> new Literal(Literal.Kind.NUMBER, t.text());
      case DATE_LITERAL -> new Literal(Literal.Kind.DATE, t.text());
      case WORD -> {
        if (t.isWord("null")) {
          yield new Literal(Literal.Kind.NULL, "null");
        }
        if (t.isWord("true") || t.isWord("false")) {
          yield new Literal(Literal.Kind.BOOLEAN, t.text().toLowerCase(java.util.Locale.ROOT));
        }
        if (DateLiterals.isLiteral(t.text())) {
          yield new Literal(Literal.Kind.RELATIVE_DATE, t.text());
        }
        throw unexpected(t);
      }
      default -> throw unexpected(t);
    };
  }

  private FieldPath fieldPath() {
    Token first = word();
    List<String> segments = new ArrayList<>(List.of(first.text()));
    while (peek().isSymbol(".")) {
      next();
      segments.add(word().text());
    }
    return new FieldPath(segments, first.column());
  }

  private Integer integer() {
    Token t = next();
    if (t.kind() != Token.Kind.NUMBER || t.text().contains(".")) {
      throw unexpected(t);
    }
    return Integer.parseInt(t.text());
  }

  private Token word() {
    Token t = next();
    if (t.kind() != Token.Kind.WORD) {
      throw unexpected(t);
    }
    return t;
  }

  private void expectWord(String keyword) {
    Token t = next();
    if (!t.isWord(keyword)) {
      throw unexpected(t);
    }
  }

  private void expectSymbol(String symbol) {
    Token t = next();
    if (!t.isSymbol(symbol)) {
      throw unexpected(t);
    }
  }

  private Token peek() {
    return tokens.get(position);
  }

  private Token next() {
    Token t = tokens.get(position);
    if (t.kind() != Token.Kind.END) {
      position++;
    }
    return t;
  }

  private static ApiFault unexpected(Token t) {
    return ApiFault.malformedQuery(
        t.kind() == Token.Kind.END
            ? "unexpected end of query"
            : "unexpected token: '" + t.text() + "' at column " + t.column());
  }
}
