package io.bcsync.sim.bigcommerce.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a status, an optional JSON body and extra headers. */
public final class ApiResponse {
  private final int status;
  private final JsonNode body;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private ApiResponse(int status, JsonNode body) {
    this.status = status;
    this.body = body;
  }

  public static ApiResponse ok(JsonNode body) {
    return new ApiResponse(200, body);
  }

  public static ApiResponse created(JsonNode body) {
    return new ApiResponse(201, body);
  }

  public static ApiResponse of(int status, JsonNode body) {
    return new ApiResponse(status, body);
  }

  public static ApiResponse noContent() {
    return new ApiResponse(204, null);
  }

  /**
   * A V3 error as {@code application/problem+json}, the content type the inventory and locations
   * specs document for their 4xx answers (inventory.v3.yml, locations.v3.yml: ErrorResponse).
   */
  public static ApiResponse problem(ApiException e) {
    return of(e.status(), ErrorBodies.v3(e)).header("Content-Type", "application/problem+json");
  }

  public ApiResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public JsonNode body() {
    return body;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
