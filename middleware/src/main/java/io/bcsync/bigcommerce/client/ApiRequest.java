package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One call to a store's REST API: method, a path under {@code /stores/{hash}} (e.g. {@code
 * /v2/orders}), query parameters in order, an optional JSON body. Immutable; {@link #with} returns
 * a copy with one more parameter.
 */
public record ApiRequest(
    String method, String path, List<Map.Entry<String, String>> query, JsonNode body) {
  public ApiRequest {
    query = List.copyOf(query);
  }

  public static ApiRequest get(String path) {
    return new ApiRequest("GET", path, List.of(), null);
  }

  public static ApiRequest write(String method, String path, JsonNode body) {
    return new ApiRequest(method, path, List.of(), body);
  }

  public ApiRequest with(String name, Object value) {
    List<Map.Entry<String, String>> more = new ArrayList<>(query);
    more.add(Map.entry(name, String.valueOf(value)));
    return new ApiRequest(method, path, more, body);
  }

  /** Replaces every parameter of that name. */
  public ApiRequest replacing(String name, Object value) {
    List<Map.Entry<String, String>> more =
        new ArrayList<>(query.stream().filter(e -> !e.getKey().equals(name)).toList());
    more.add(Map.entry(name, String.valueOf(value)));
    return new ApiRequest(method, path, more, body);
  }

  String queryString() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> parameter : query) {
      out.append(out.isEmpty() ? "?" : "&")
          // BigCommerce filter names contain ':' (id:in, date_modified:min); keep it readable, it
          // is legal there.
          .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8).replace("%3A", ":"))
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  /** For logs and errors: method and path, never the query (it can hold e-mail addresses). */
  String describe() {
    return method + " " + path;
  }
}
