package io.bcsync.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The objects and fields the package's Apex reads through static SOQL ({@code [SELECT ... FROM
 * ...]}): selected fields, relationship paths ({@code BC_Store__r.BC_Control_Panel_URL__c} reads
 * the lookup and the parent's field), child subqueries ({@code FROM OrderItems}) and the fields of
 * WHERE/ORDER BY, which {@code WITH USER_MODE} checks as well. Compound fields ({@code
 * BillingAddress}) are fields like any other.
 */
final class ApexSoqlReads {
  record Read(String object, String field, String source) {}

  private static final Pattern SELECT =
      Pattern.compile("\\[\\s*SELECT\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern IDENTIFIER = Pattern.compile("(:\\s*)?([A-Za-z_][A-Za-z0-9_.]*)");
  private static final Set<String> KEYWORDS =
      Set.of(
          "select",
          "from",
          "where",
          "and",
          "or",
          "not",
          "in",
          "like",
          "includes",
          "excludes",
          "null",
          "true",
          "false",
          "order",
          "by",
          "asc",
          "desc",
          "nulls",
          "first",
          "last",
          "limit",
          "offset",
          "with",
          "user_mode",
          "system_mode",
          "security_enforced",
          "group",
          "having",
          "for",
          "view",
          "reference",
          "update",
          "using",
          "scope",
          "today",
          "yesterday",
          "tomorrow",
          "count");

  private final PackageFieldRules rules;
  private final Set<String> objects = new LinkedHashSet<>();
  private final List<Read> reads = new ArrayList<>();

  private ApexSoqlReads(PackageFieldRules rules) {
    this.rules = rules;
  }

  /** Reads every {@code .cls} under {@code force-app/main/default/classes}. */
  static ApexSoqlReads of(Path forceApp, PackageFieldRules rules) {
    ApexSoqlReads result = new ApexSoqlReads(rules);
    try (Stream<Path> files = Files.walk(forceApp.resolve("main/default/classes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".cls")).sorted().toList()) {
        String code =
            stripComments(Files.readString(file)).replaceAll("'(?:\\\\.|[^'\\\\])*+'", "''");
        Matcher start = SELECT.matcher(code);
        while (start.find()) {
          String soql = balanced(code, start.start(), '[', ']');
          result.query(soql.strip(), null, file.getFileName().toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  Set<String> objects() {
    return objects;
  }

  List<Read> reads() {
    return reads;
  }

  /** One {@code SELECT ... FROM ...} (without brackets); parent is set for a child subquery. */
  private void query(String soql, String parent, String source) {
    int from = topLevelFrom(soql);
    String selectList = soql.substring("SELECT".length(), from);
    String rest = soql.substring(from + "FROM".length()).strip();
    String fromName = rest.split("[\\s(]", 2)[0];
    String object =
        parent == null
            ? fromName
            : rules.childObject(parent, fromName).orElse("?" + parent + "." + fromName);
    objects.add(object);
    for (String item : splitTopLevel(selectList)) {
      String trimmed = item.strip();
      if (trimmed.startsWith("(")) {
        query(trimmed.substring(1, trimmed.lastIndexOf(')')).strip(), object, source);
      } else if (!trimmed.matches("(?i)count\\s*\\(\\s*\\)")) {
        fieldsIn(trimmed, object, source);
      }
    }
    fieldsIn(rest.substring(fromName.length()), object, source);
  }

  private void fieldsIn(String clause, String object, String source) {
    Matcher matcher = IDENTIFIER.matcher(clause.replaceAll("(?i)\\([^()]*\\bSELECT\\b.*\\)", " "));
    String previous = "";
    while (matcher.find()) {
      String token = matcher.group(2);
      String lower = token.toLowerCase(Locale.ROOT);
      boolean bind = matcher.group(1) != null;
      boolean number = previous.equals("limit") || previous.equals("offset");
      if (!bind && !number && !KEYWORDS.contains(lower) && !lower.matches("(last|next)_n_.*")) {
        path(object, token, source);
      }
      previous = lower;
    }
  }

  /** {@code A__r.B__r.Field}: each lookup on the way is read, then the last object's field. */
  private void path(String object, String fieldPath, String source) {
    String[] parts = fieldPath.split("\\.");
    String current = object;
    for (int i = 0; i < parts.length - 1; i++) {
      String relationship = parts[i];
      reads.add(new Read(current, relationship, source));
      String next = rules.parentObject(current, relationship).orElse(null);
      if (next == null) {
        reads.add(new Read("?" + current + "." + relationship, parts[parts.length - 1], source));
        return;
      }
      objects.add(next);
      current = next;
    }
    reads.add(new Read(current, parts[parts.length - 1], source));
  }

  private static int topLevelFrom(String soql) {
    int depth = 0;
    Matcher from = Pattern.compile("(?i)\\bFROM\\b").matcher(soql);
    int position = 0;
    while (from.find()) {
      for (; position < from.start(); position++) {
        depth += soql.charAt(position) == '(' ? 1 : soql.charAt(position) == ')' ? -1 : 0;
      }
      if (depth == 0) {
        return from.start();
      }
    }
    throw new IllegalArgumentException("no FROM in " + soql);
  }

  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char ch : text.toCharArray()) {
      depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
      if (ch == ',' && depth == 0) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(ch);
      }
    }
    parts.add(current.toString());
    return parts.stream().filter(p -> !p.isBlank()).toList();
  }

  private static String balanced(String code, int open, char opening, char closing) {
    int depth = 0;
    for (int i = open; i < code.length(); i++) {
      depth += code.charAt(i) == opening ? 1 : code.charAt(i) == closing ? -1 : 0;
      if (depth == 0) {
        return code.substring(open + 1, i);
      }
    }
    return code.substring(open + 1);
  }

  private static String stripComments(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", "");
  }
}
