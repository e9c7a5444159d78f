package io.bcsync.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * The body's bytes are checked to be UTF-8 before parsing, but JSON can still spell a lone
 * surrogate as an escape ({@code "\ud800"}); such a string is not Unicode text, and a database
 * stores it as {@code ?}. This finds one in any field name or string value.
 */
final class JsonStrings {
  private JsonStrings() {}

  static boolean hasLoneSurrogate(JsonNode root) {
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isTextual() && hasLoneSurrogate(node.textValue())) {
        return true;
      }
      if (node.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          if (hasLoneSurrogate(field.getKey())) {
            return true;
          }
          pending.push(field.getValue());
        }
      } else if (node.isArray()) {
        node.forEach(pending::push);
      }
    }
    return false;
  }

  static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
