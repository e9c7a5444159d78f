package io.bcsync.sync.customers;

import io.bcsync.config.BcsyncConfig;
import io.bcsync.config.GuestKeyConfig;
import io.bcsync.config.SalesforceConfigured;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The guest keys of this deployment, from {@code bcsync.sync.guest-keys.secret}. */
@Factory
@Requires(condition = SalesforceConfigured.class)
class GuestKeysFactory {
  @Singleton
  GuestKeys guestKeys(GuestKeyConfig config, BcsyncConfig service) {
    return GuestKeys.of(config, service);
  }
}
