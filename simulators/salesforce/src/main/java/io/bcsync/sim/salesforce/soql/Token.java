package io.bcsync.sim.salesforce.soql;

/** A lexical token of SOQL with its 1-based column, for error positions. */
record Token(Kind kind, String text, int column) {
  enum Kind {
    WORD,
    STRING,
    NUMBER,
    DATE_LITERAL,
    SYMBOL,
    END
  }

  boolean isWord(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }
}
