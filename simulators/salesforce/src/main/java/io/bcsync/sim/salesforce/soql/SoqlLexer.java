package io.bcsync.sim.salesforce.soql;

import io.bcsync.sim.salesforce.fault.ApiFault;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits SOQL into tokens: words, quoted strings (with backslash escapes), numbers, date literals,
 * symbols.
 */
final class SoqlLexer {
  private static final Pattern DATE_LITERAL =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2}))?");

  /** Characters per string literal in a WHERE clause (salesforce.md G). */
  static final int MAX_STRING_LITERAL = 4_000;

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private SoqlLexer() {}

  static List<Token> tokenize(String soql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < soql.length()) {
      char c = soql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        i = readString(soql, i, tokens);
      } else if (Character.isDigit(c)
          || (c == '-' && i + 1 < soql.length() && Character.isDigit(soql.charAt(i + 1)))) {
        i = readNumberOrDate(soql, i, tokens);
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < soql.length()
            && (Character.isLetterOrDigit(soql.charAt(i))
                || soql.charAt(i) == '_'
                || soql.charAt(i) == ':')) {
          i++;
        }
        tokens.add(new Token(Token.Kind.WORD, soql.substring(start, i), start + 1));
      } else {
        i = readSymbol(soql, i, tokens);
      }
    }
    tokens.add(new Token(Token.Kind.END, "", soql.length() + 1));
    return tokens;
  }

  private static int readString(String soql, int start, List<Token> tokens) {
    StringBuilder value = new StringBuilder();
    int i = start + 1;
    while (i < soql.length() && soql.charAt(i) != '\'') {
      char c = soql.charAt(i);
      if (c == '\\' && i + 1 < soql.length()) {
        char next = soql.charAt(i + 1);
        value.append(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default -> next;
            });
        i += 2;
      } else {
        value.append(c);
        i++;
      }
    }
    if (i >= soql.length()) {
      throw ApiFault.malformedQuery("unterminated string literal at column " + (start + 1));
    }
    if (value.length() > MAX_STRING_LITERAL) {
      throw ApiFault.malformedQuery(
          "string literal at column "
              + (start + 1)
              + " is longer than "
              + MAX_STRING_LITERAL
              + " characters");
    }
    tokens.add(new Token(Token.Kind.STRING, value.toString(), start + 1));
    return i + 1;
  }

  private static int readNumberOrDate(String soql, int start, List<Token> tokens) {
    Matcher date = DATE_LITERAL.matcher(soql).region(start, soql.length());
    if (date.lookingAt()) {
      tokens.add(new Token(Token.Kind.DATE_LITERAL, date.group(), start + 1));
      return date.end();
    }
    Matcher number = NUMBER.matcher(soql).region(start, soql.length());
    if (!number.lookingAt()) {
      throw ApiFault.malformedQuery("unexpected token at column " + (start + 1));
    }
    tokens.add(new Token(Token.Kind.NUMBER, number.group(), start + 1));
    return number.end();
  }

  private static int readSymbol(String soql, int start, List<Token> tokens) {
    String two = start + 2 <= soql.length() ? soql.substring(start, start + 2) : "";
    if (two.equals("!=") || two.equals("<>") || two.equals("<=") || two.equals(">=")) {
      tokens.add(new Token(Token.Kind.SYMBOL, two.equals("<>") ? "!=" : two, start + 1));
      return start + 2;
    }
    char c = soql.charAt(start);
    if ("=<>(),.*".indexOf(c) < 0) {
      throw ApiFault.malformedQuery("unexpected token: '" + c + "'");
    }
    tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start + 1));
    return start + 1;
  }
}
