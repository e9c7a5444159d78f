package io.bcsync.admin;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.security.Principal;
import java.util.Optional;

/**
 * Binds a route's {@code Principal} argument: present only when the request carries the admin
 * token. This is what {@code endpoints.health.details-visible: AUTHENTICATED} asks, so {@code
 * /health} shows its details (database URL and version) to operators only. Without
 * micronaut-security nothing else binds a principal.
 */
@Singleton
class AdminPrincipalBinder implements TypedRequestArgumentBinder<Principal> {
  static final Principal ADMIN = () -> "bcsync-admin";

  private final AdminToken token;

  AdminPrincipalBinder(AdminToken token) {
    this.token = token;
  }

  @Override
  public Argument<Principal> argumentType() {
    return Argument.of(Principal.class);
  }

  @Override
  public BindingResult<Principal> bind(
      ArgumentConversionContext<Principal> context, HttpRequest<?> request) {
    Optional<Principal> principal =
        token.isPresentedBy(request) ? Optional.of(ADMIN) : Optional.empty();
    return () -> principal;
  }
}
