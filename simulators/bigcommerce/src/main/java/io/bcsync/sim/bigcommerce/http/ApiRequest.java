package io.bcsync.sim.bigcommerce.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sim.bigcommerce.store.Store;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed API call as handlers see it: path parameters, query, JSON body and the authenticated
 * store.
 */
public final class ApiRequest {
  private final String method;
  private final String path;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> query;
  private final byte[] body;
  private final Map<String, String> headers;
  private final Store store;
  private final String clientId;
  private final Instant now;

  public ApiRequest(
      String method,
      String path,
      Map<String, String> pathParams,
      Map<String, List<String>> query,
      byte[] body,
      Map<String, String> headers,
      Store store,
      String clientId,
      Instant now) {
    this.method = method;
    this.path = path;
    this.pathParams = pathParams;
    this.query = query;
    this.body = body;
    this.headers = headers;
    this.store = store;
    this.clientId = clientId;
    this.now = now;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public Store store() {
    return store;
  }

  /**
   * The client id of the token that made the call; hooks and metafields are owned per client id.
   */
  public String clientId() {
    return clientId;
  }

  public Instant now() {
    return now;
  }

  public String header(String name) {
    return headers.get(name.toLowerCase());
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  public long pathId(String name) {
    try {
      return Long.parseLong(pathParams.get(name));
    } catch (NumberFormatException e) {
      throw ApiException.notFound();
    }
  }

  public Optional<String> query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public boolean hasQuery(String name) {
    return query.containsKey(name);
  }

  public Optional<Long> queryLong(String name) {
    return query(name)
        .filter(v -> !v.isBlank())
        .map(
            v -> {
              try {
                return Long.parseLong(v.trim());
              } catch (NumberFormatException e) {
                throw ApiException.badRequest("The filter '" + name + "' must be an integer.");
              }
            });
  }

  public Optional<Instant> queryDate(String name) {
    return query(name)
        .filter(v -> !v.isBlank())
        .map(
            v -> {
              try {
                return Formats.parseDateFilter(v);
              } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("The filter '" + name + "' is not a valid date.");
              }
            });
  }

  /** Comma-separated values, as V3 `:in` filters take them. */
  public Optional<List<String>> queryList(String name) {
    return query(name)
        .map(
            v ->
                List.of(v.split(",")).stream()
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList());
  }

  public JsonNode json() {
    if (body == null || body.length == 0) {
      throw ApiException.badRequest("The request body is empty.");
    }
    try {
      return Json.parse(body);
    } catch (IOException e) {
      throw new ApiException(400, "The request body is not valid JSON.");
    }
  }

  public byte[] rawBody() {
    return body;
  }
}
