package io.bcsync.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code /admin} request needs {@code Authorization: Bearer <bcsync.admin-token>}. Other
 * spellings of an admin path ({@code //admin}, {@code /ADMIN}, {@code /%61dmin}, {@code
 * /admin%2F...}) match no route and get 404 (AdminPathVariantsTest keeps it so).
 */
@ServerFilter("/admin/**")
public class AdminAuthFilter {
  private static final Logger LOG = LoggerFactory.getLogger(AdminAuthFilter.class);

  private final AdminToken token;

  public AdminAuthFilter(AdminToken token) {
    this.token = token;
  }

  @RequestFilter
  @Nullable
  public MutableHttpResponse<?> authenticate(HttpRequest<?> request) {
    if (token.isPresentedBy(request)) {
      return null;
    }
    LOG.warn(
        "Refused admin request {} {} without a valid bearer token",
        request.getMethod(),
        request.getPath());
    return AdminToken.unauthorized();
  }
}
