package io.bcsync.sim.bigcommerce.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the simulator answers with; rendered as the V2 array or V3 object shape by {@link
 * ErrorBodies}.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final Map<String, String> fieldErrors;

  public ApiException(int status, String title) {
    this(status, title, Map.of());
  }

  public ApiException(int status, String title, Map<String, String> fieldErrors) {
    super(title);
    this.status = status;
    this.fieldErrors = new LinkedHashMap<>(fieldErrors);
  }

  public static ApiException notFound() {
    return new ApiException(404, "The requested resource was not found.");
  }

  public static ApiException unprocessable(String field, String message) {
    return new ApiException(422, "JSON data is missing or invalid", Map.of(field, message));
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public int status() {
    return status;
  }

  public String title() {
    return getMessage();
  }

  public Map<String, String> fieldErrors() {
    return fieldErrors;
  }
}
