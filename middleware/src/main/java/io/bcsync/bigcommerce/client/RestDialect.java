package io.bcsync.bigcommerce.client;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;

/**
 * The store REST API: {@code {base}/stores/{hash}/v2|v3/...}, {@code X-Auth-Token}, {@code
 * X-Rate-Limit-*}.
 */
final class RestDialect implements ApiDialect {
  private final String base;

  RestDialect(URI apiBase) {
    this.base = apiBase.toString().replaceAll("/+$", "");
  }

  @Override
  public String name() {
    return "rest";
  }

  @Override
  public URI uri(String storeHash, ApiRequest request) {
    return URI.create(base + "/stores/" + storeHash + request.path() + request.queryString());
  }

  @Override
  public void authenticate(HttpRequest.Builder builder, String storeHash, String accessToken) {
    builder.header("X-Auth-Token", accessToken);
  }

  @Override
  public RateLimitHeaders limits(HttpHeaders headers) {
    return RateLimitHeaders.from(headers);
  }
}
