package io.bcsync.bigcommerce.client;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;

/**
 * The B2B Edition REST management API: one host for every store ({@code {base}/api/v3/io/...}), the
 * store named by {@code X-Store-Hash}, authenticated with the store's ordinary {@code X-Auth-Token}
 * (the token needs the B2B Edition scope). The older B2B {@code authToken} header is deprecated and
 * not used.
 */
final class B2bDialect implements ApiDialect {
  static final String BASE_PATH = "/api/v3/io";

  private final String base;

  B2bDialect(URI b2bBase) {
    this.base = b2bBase.toString().replaceAll("/+$", "");
  }

  @Override
  public String name() {
    return "b2b";
  }

  @Override
  public URI uri(String storeHash, ApiRequest request) {
    return URI.create(base + BASE_PATH + request.path() + request.queryString());
  }

  @Override
  public void authenticate(HttpRequest.Builder builder, String storeHash, String accessToken) {
    builder.header("X-Auth-Token", accessToken).header("X-Store-Hash", storeHash);
  }

  @Override
  public RateLimitHeaders limits(HttpHeaders headers) {
    return B2bRateLimitHeaders.from(headers);
  }
}
