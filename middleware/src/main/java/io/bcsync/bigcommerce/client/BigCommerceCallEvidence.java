package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.pipeline.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * A failed BigCommerce call as the failed-records page shows it (docs/console.md): the request line
 * (method, path under the store, query) and the JSON body we sent; the status and the body
 * BigCommerce answered. No header is kept, request or response: the store's token travels in {@code
 * X-Auth-Token} (B2B Edition: {@code Authorization}), and a header is where a credential would be.
 * A body field whose name says it holds a credential is masked; bodies are store data the operator
 * may see, as the webhook payload beside them.
 */
final class BigCommerceCallEvidence {
  static final String SYSTEM = "bigcommerce";
  static final String MASKED = Outcome.Evidence.MASKED;

  private BigCommerceCallEvidence() {}

  /** A call BigCommerce answered with this status and body. */
  static Outcome.Evidence answered(ApiRequest request, int status, byte[] body) {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    return new Outcome.Evidence(
        SYSTEM, request(request), "HTTP " + status + (text.isEmpty() ? "" : "\n" + masked(text)));
  }

  /** A call that got no answer (timeout, connection refused, reset). */
  static Outcome.Evidence unanswered(ApiRequest request, String why) {
    return new Outcome.Evidence(SYSTEM, request(request), "no response: " + why);
  }

  static String request(ApiRequest request) {
    String line = request.method() + " " + request.path() + request.queryString();
    return request.body() == null ? line : line + "\n" + masked(request.body()).toPrettyString();
  }

  /** A body that is JSON with its credential-named fields masked; any other text as it is. */
  private static String masked(String text) {
    try {
      return masked(JsonHolder.MAPPER.readTree(text)).toPrettyString();
    } catch (java.io.IOException | RuntimeException notJson) {
      return text;
    }
  }

  private static JsonNode masked(JsonNode node) {
    JsonNode copy = node.deepCopy();
    mask(copy);
    return copy;
  }

  private static void mask(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        // The whole value, an object or a list too: {"credentials": {"value": ...}} is a secret.
        if (Outcome.Evidence.namesSecret(field.getKey())) {
          field.setValue(object.textNode(MASKED));
        } else {
          mask(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(BigCommerceCallEvidence::mask);
    }
  }

  private static final class JsonHolder {
    static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
        new com.fasterxml.jackson.databind.ObjectMapper();
  }
}
