package io.bcsync.admin;

import io.bcsync.config.BcsyncConfig;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every {@code /admin} request needs {@code Authorization: Bearer <bcsync.admin-token>}. */
@ServerFilter("/admin/**")
public class AdminAuthFilter {
  private static final Logger LOG = LoggerFactory.getLogger(AdminAuthFilter.class);
  private static final String BEARER = "Bearer ";

  private final byte[] token;

  public AdminAuthFilter(BcsyncConfig config) {
    this.token = config.adminToken().getBytes(StandardCharsets.UTF_8);
  }

  @RequestFilter
  @Nullable
  public MutableHttpResponse<?> authenticate(HttpRequest<?> request) {
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header != null
        && header.startsWith(BEARER)
        && MessageDigest.isEqual(
            token, header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8))) {
      return null;
    }
    LOG.warn(
        "Refused admin request {} {} without a valid bearer token",
        request.getMethod(),
        request.getPath());
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"bcsync-admin\"")
        .body(Map.of("error", "unauthorized", "message", "a valid admin bearer token is required"));
  }
}
