package io.bcsync.sync.customers;

import io.bcsync.config.BcsyncConfig;
import io.bcsync.config.GuestKeyConfig;
import io.bcsync.config.SalesforceConfigured;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;

/**
 * The guest keys of this deployment, from {@code bcsync.sync.guest-keys.secret}. Made at startup,
 * so production without the secret refuses to start instead of failing its first batch.
 */
@Factory
@Requires(condition = SalesforceConfigured.class)
class GuestKeysFactory {
  @Context
  GuestKeys guestKeys(GuestKeyConfig config, BcsyncConfig service) {
    return GuestKeys.of(config, service);
  }
}
