package io.bcsync.admin;

import io.bcsync.config.ManagementConfig;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * {@code /prometheus} needs the admin token (its labels name every store) unless {@code
 * bcsync.management.metrics-auth=none}. Other spellings of the path match no route
 * (AdminPathVariantsTest). {@code /health} details: {@link AdminPrincipalBinder}.
 */
@ServerFilter({"/prometheus", "/prometheus/**"})
public class ManagementAuthFilter {
  private final AdminToken token;
  private final ManagementConfig config;

  public ManagementAuthFilter(AdminToken token, ManagementConfig config) {
    this.token = token;
    this.config = config;
  }

  @RequestFilter
  @Nullable
  public MutableHttpResponse<?> authenticate(HttpRequest<?> request) {
    if (config.metricsNeedToken() && !token.isPresentedBy(request)) {
      return AdminToken.unauthorized();
    }
    return null;
  }
}
