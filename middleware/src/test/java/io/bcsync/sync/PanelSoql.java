package io.bcsync.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The order-history panel's SOQL exactly as the package's Apex holds it, made runnable through the
 * API. Static queries are read out of their {@code [SELECT ...]} literals in {@code
 * BcOrderHistoryQueries.cls}; the header's dynamic queries are assembled from the string pieces of
 * {@code BcCustomerFigures.cls}. What only the Apex runtime does is done here, not in the
 * simulator: bind variables ({@code :accountIds}) become SOQL literals, and {@code WITH USER_MODE}
 * is dropped — the Apex Developer Guide ("Enforce User Mode for Database Operations") documents it
 * as a mode of Apex database operations, and the SOQL reference's WITH clause allows such filtering
 * "within Apex code" only; through the API the query already runs as the calling user.
 */
final class PanelSoql {
  /**
   * Apex binds an empty set as a condition that matches nothing, but {@code IN ()} is malformed in
   * API SOQL: a well-formed id no record has stands in for it.
   */
  static final String NO_ID = "000000000000000AAA";

  private static final Pattern BIND = Pattern.compile(":\\s*([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern APEX_ONLY = Pattern.compile("(?i)\\bWITH\\s+USER_MODE\\b");

  private final String queries;
  private final String figures;

  private PanelSoql(String queries, String figures) {
    this.queries = queries;
    this.figures = figures;
  }

  static PanelSoql read(Path forceApp) {
    Path classes = forceApp.resolve("main/default/classes");
    try {
      return new PanelSoql(
          Files.readString(classes.resolve("BcOrderHistoryQueries.cls")),
          Files.readString(classes.resolve("BcCustomerFigures.cls")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The static SOQL of a method of BcOrderHistoryQueries, bound and ready for the API. */
  String orderQuery(String method, Map<String, Object> binds) {
    int open = queries.indexOf('[', declaration(queries, method));
    return forApi(balanced(queries, open, '[', ']'), binds);
  }

  /**
   * The dynamic SOQL a BcCustomerFigures method builds: {@code String query = ...;}, its {@code
   * query += ...;} (taken only when {@code condition} is true: the method guards it with one if),
   * then the first argument of {@code Database.queryWithBinds}. {@code summaryFields()} is the
   * single-currency list (the simulated org has no multi-currency).
   */
  String figuresQuery(String method, boolean condition, Map<String, Object> binds) {
    String body = methodBody(figures, method);
    Map<String, String> vars = new HashMap<>();
    Matcher declared = Pattern.compile("String query\\s*=\\s*([^;]+);").matcher(body);
    if (!declared.find()) {
      throw new AssertionError(method + " builds no query variable");
    }
    vars.put("query", concat(declared.group(1), vars));
    Matcher appended = Pattern.compile("query\\s*\\+=\\s*([^;]+);").matcher(body);
    while (appended.find()) {
      if (condition) {
        vars.put("query", vars.get("query") + concat(appended.group(1), vars));
      }
    }
    int call = body.indexOf("Database.queryWithBinds(");
    String arguments = balanced(body, body.indexOf('(', call), '(', ')');
    return forApi(concat(topLevel(arguments, ',').get(0), vars), binds);
  }

  private String concat(String expression, Map<String, String> vars) {
    StringBuilder result = new StringBuilder();
    for (String term : topLevel(expression, '+')) {
      String t = term.strip();
      if (t.startsWith("'")) {
        result.append(t, 1, t.length() - 1);
      } else if (t.equals("summaryFields()")) {
        result.append(summaryFields());
      } else if (vars.containsKey(t)) {
        result.append(vars.get(t));
      } else {
        throw new AssertionError("cannot evaluate '" + t + "' of the Apex query");
      }
    }
    return result.toString();
  }

  private String summaryFields() {
    Matcher m = Pattern.compile("SUMMARY_FIELDS\\s*=\\s*'([^']*)'").matcher(figures);
    if (!m.find()) {
      throw new AssertionError("BcCustomerFigures has no SUMMARY_FIELDS");
    }
    return m.group(1);
  }

  /** Binds substituted as SOQL literals, Apex-only clauses dropped, whitespace collapsed. */
  static String forApi(String apexSoql, Map<String, Object> binds) {
    Matcher m = BIND.matcher(APEX_ONLY.matcher(apexSoql).replaceAll(" "));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (!binds.containsKey(name)) {
        throw new AssertionError("no value for the Apex bind :" + name);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(literal(binds.get(name))));
    }
    m.appendTail(out);
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  private static String literal(Object value) {
    if (value instanceof Collection<?> ids) {
      return ids.isEmpty()
          ? "('" + NO_ID + "')"
          : ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ", "(", ")"));
    }
    if (value instanceof Number) {
      return value.toString();
    }
    return "'" + value + "'";
  }

  private static String methodBody(String code, String method) {
    return balanced(code, code.indexOf('{', declaration(code, method)), '{', '}');
  }

  /** Where a method is declared (not where it is called). */
  private static int declaration(String code, String method) {
    Matcher m = Pattern.compile("\\bstatic\\s+[\\w.<>, ]+\\s+" + method + "\\s*\\(").matcher(code);
    if (!m.find()) {
      throw new AssertionError("the Apex declares no method " + method);
    }
    return m.end();
  }

  /** The text between an opening character and its match, skipping quoted text. */
  private static String balanced(String code, int open, char opening, char closing) {
    int depth = 0;
    boolean quoted = false;
    for (int i = open; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == opening) {
        depth++;
      } else if (!quoted && c == closing && --depth == 0) {
        return code.substring(open + 1, i);
      }
    }
    throw new AssertionError("unbalanced " + opening + " at " + open);
  }

  private static List<String> topLevel(String text, char separator) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '{')) {
        depth++;
      } else if (!quoted && (c == ')' || c == '}')) {
        depth--;
      } else if (!quoted && depth == 0 && c == separator) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
