package io.bcsync.sim.bigcommerce.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** V2 errors are an array of {status, message}; V3 errors are {status, title, type, errors}. */
public final class ErrorBodies {
  private static final String ERROR_DOC =
      "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes";

  private ErrorBodies() {}

  public static JsonNode render(ApiVersion version, ApiException e) {
    return version == ApiVersion.V2 ? v2(e.status(), e.title()) : v3(e);
  }

  public static ArrayNode v2(int status, String message) {
    ArrayNode array = Json.array();
    array.addObject().put("status", status).put("message", message);
    return array;
  }

  public static ObjectNode v3(ApiException e) {
    ObjectNode body = Json.object();
    body.put("status", e.status());
    body.put("title", e.title());
    body.put("type", ERROR_DOC);
    ObjectNode errors = body.putObject("errors");
    e.fieldErrors().forEach(errors::put);
    return body;
  }
}
