package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A parsed response: status and JSON body ({@link MissingNode} when the body was empty, as on 204).
 */
public record ApiResponse(int status, JsonNode body) {
  public boolean isEmpty() {
    return body == null || body.isMissingNode() || body.isNull();
  }
}
