package io.bcsync.sync.revenue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * An order's UTM source and medium, as the storefront recorded them (docs/order-rules.md, "UTM
 * facts"). Both are trimmed and lower-cased: {@code Google} and {@code google} are one source, as
 * analytics tools count them.
 */
public record Utm(String source, String medium) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Utm {
    source = clean(source);
    medium = clean(medium);
  }

  public boolean hasSource() {
    return source != null;
  }

  /**
   * Reads a recorded value: a JSON object ({@code {"source": "google", "medium": "cpc"}}, also with
   * {@code utm_source}/{@code utm_medium}), a query string ({@code
   * utm_source=google&utm_medium=cpc}, what a storefront copies from the landing URL), or a bare
   * text taken as the source. Empty when nothing usable is there.
   */
  public static Optional<Utm> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.trim();
    if (text.startsWith("{")) {
      try {
        return of(JSON.readTree(text));
      } catch (Exception e) {
        // Not JSON after all: a storefront bug, not ours to fail on; the order is unattributed.
        return Optional.empty();
      }
    }
    if (text.contains("=")) {
      String source = null;
      String medium = null;
      for (String pair : text.replaceFirst("^\\?", "").split("&")) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String name = decode(pair.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        String v = decode(pair.substring(eq + 1));
        if (name.equals("utm_source") || name.equals("source")) {
          source = v;
        } else if (name.equals("utm_medium") || name.equals("medium")) {
          medium = v;
        }
      }
      return present(new Utm(source, medium));
    }
    return present(new Utm(text, null));
  }

  /** From a JSON node: an object with source/medium (or utm_*), or a text taken as the source. */
  public static Optional<Utm> of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return parse(node.asText());
    }
    if (!node.isObject()) {
      return Optional.empty();
    }
    String source = text(node, "utm_source", "source");
    String medium = text(node, "utm_medium", "medium");
    return present(new Utm(source, medium));
  }

  private static Optional<Utm> present(Utm utm) {
    return utm.hasSource() ? Optional.of(utm) : Optional.empty();
  }

  private static String text(JsonNode node, String first, String second) {
    JsonNode value = node.has(first) ? node.get(first) : node.get(second);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim().toLowerCase(Locale.ROOT);
    return t.isEmpty() ? null : t;
  }
}
