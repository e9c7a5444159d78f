package io.bcsync.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values of a decoded form body: Micronaut gives a field sent once as its string and a repeated one
 * (the ticked {@code id}s) as a list.
 */
final class Forms {
  private Forms() {}

  static String single(Map<String, Object> form, String name) {
    Object value = form == null ? null : form.get(name);
    if (value instanceof List<?> list) {
      return list.isEmpty() ? null : String.valueOf(list.get(0));
    }
    return value == null ? null : String.valueOf(value);
  }

  static List<String> all(Map<String, Object> form, String name) {
    Object value = form == null ? null : form.get(name);
    List<String> values = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> values.add(String.valueOf(item)));
    } else if (value != null) {
      values.add(String.valueOf(value));
    }
    return values;
  }

  /** Comma-separated work-item ids; anything else is a bad request. */
  static List<Long> ids(String text) {
    List<Long> ids = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return ids;
    }
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        ids.add(Long.parseLong(part.trim()));
      } catch (NumberFormatException e) {
        throw new ConsoleController.ConsoleBadRequest("ids are whole numbers");
      }
    }
    return ids;
  }
}
