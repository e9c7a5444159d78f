package io.bcsync.bigcommerce.client;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;

/**
 * What differs between BigCommerce's REST hosts: where a store's call goes, how it authenticates,
 * and how the host reports its rate limit. The transport's budget, retries and error classification
 * are shared by all of them.
 */
interface ApiDialect {
  /** Short name for logs and metric names ("rest", "b2b"). */
  String name();

  URI uri(String storeHash, ApiRequest request);

  void authenticate(HttpRequest.Builder builder, String storeHash, String accessToken);

  /** The host's rate-limit headers in the budget's terms; unknown numbers are -1. */
  RateLimitHeaders limits(HttpHeaders headers);
}
