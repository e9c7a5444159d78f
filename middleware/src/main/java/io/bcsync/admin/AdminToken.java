package io.bcsync.admin;

import io.bcsync.config.BcsyncConfig;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** Checks {@code Authorization: Bearer <bcsync.admin-token>}, in constant time. */
@Singleton
public class AdminToken {
  private static final String BEARER = "Bearer ";

  private final byte[] token;

  public AdminToken(BcsyncConfig config) {
    this.token = config.adminToken().getBytes(StandardCharsets.UTF_8);
  }

  /** The answer to a request that needed the token and did not carry it. */
  static MutableHttpResponse<?> unauthorized() {
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"bcsync-admin\"")
        .body(Map.of("error", "unauthorized", "message", "a valid admin bearer token is required"));
  }

  /** Whether {@code presented} (the console's sign-in form) is the admin token. */
  public boolean matches(String presented) {
    return presented != null
        && MessageDigest.isEqual(token, presented.trim().getBytes(StandardCharsets.UTF_8));
  }

  public boolean isPresentedBy(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    return header != null
        && header.startsWith(BEARER)
        && MessageDigest.isEqual(
            token, header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8));
  }
}
