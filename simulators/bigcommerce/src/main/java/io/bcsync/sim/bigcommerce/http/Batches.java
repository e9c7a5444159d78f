package io.bcsync.sim.bigcommerce.http;

import com.fasterxml.jackson.databind.JsonNode;

/** Batch bodies are JSON arrays with a per-endpoint size cap; above it BigCommerce answers 413. */
public final class Batches {
  private Batches() {}

  public static JsonNode array(ApiRequest req, int max) {
    JsonNode body = req.json();
    if (!body.isArray()) {
      throw new ApiException(422, "The request body must be an array.");
    }
    if (body.isEmpty()) {
      throw new ApiException(422, "The request body must contain at least one item.");
    }
    if (body.size() > max) {
      throw new ApiException(
          413,
          "The request payload is too large. The maximum items allowed in the array is "
              + max
              + ".");
    }
    return body;
  }
}
