package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Unwraps B2B Edition's {@code {code, data, meta{message}}} envelope. The envelope repeats the
 * status in {@code code}; should the host ever answer HTTP 2xx with an error {@code code}
 * (UNVERIFIED; seen in similar APIs), the call is classified by that code rather than read as data.
 */
final class B2bEnvelope {
  private B2bEnvelope() {}

  static JsonNode data(String storeHash, ApiRequest request, ApiResponse response) {
    JsonNode body = response.body();
    int code = body.path("code").asInt(response.status());
    if (code >= 400) {
      String message =
          "B2B "
              + request.describe()
              + " on store "
              + storeHash
              + " answered "
              + response.status()
              + " with code "
              + code
              + ": "
              + body.path("meta").path("message").asText("");
      if (code >= 500 || code == 429 || code == 408) {
        throw new RetryableBigCommerceException(code, message, null);
      }
      throw new PermanentBigCommerceException(code, message);
    }
    return body.path("data");
  }
}
