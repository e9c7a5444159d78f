package io.bcsync.bigcommerce.hooks;

import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.client.Dtos;
import io.bcsync.bigcommerce.manifest.AppManifest;
import io.bcsync.bigcommerce.stores.ConnectedStore;
import io.bcsync.config.BigCommerceAppConfig;
import io.bcsync.webhook.WebhookHeaders;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a store's hooks are as the manifest wants them, read without changing anything (one
 * {@code GET /v3/hooks}, from the store's rate budget): the console's Connections page asks this;
 * {@link HookMaintenance} is what repairs them, at its next periodic check. The same comparison as
 * the repair: a hook per manifest scope to our destination, active, carrying the store's current
 * secret.
 */
@Singleton
public class HookHealth {
  private static final Logger LOG = LoggerFactory.getLogger(HookHealth.class);

  private final AppManifest manifest;
  private final BigCommerceAppConfig config;
  private final BigCommerceClient client;

  public HookHealth(AppManifest manifest, BigCommerceAppConfig config, BigCommerceClient client) {
    this.manifest = manifest;
    this.config = config;
    this.client = client;
  }

  /**
   * @param expected how many hooks the manifest asks for
   * @param missing scopes without a hook to our destination
   * @param inactive scopes whose hook BigCommerce deactivated (after failed deliveries)
   * @param staleSecret scopes whose hook carries another secret (our signature check refuses them)
   * @param problem why the hooks could not be read, or null
   */
  public record Health(
      int expected,
      List<String> missing,
      List<String> inactive,
      List<String> staleSecret,
      String problem) {
    public boolean healthy() {
      return problem == null && missing.isEmpty() && inactive.isEmpty() && staleSecret.isEmpty();
    }
  }

  /** Empty when it cannot be known: no API access, or no public URL for the hooks to call. */
  public Optional<Health> check(ConnectedStore store) {
    if (!store.hasApiAccess() || config.publicUrl() == null) {
      return Optional.empty();
    }
    int expected = manifest.hooks().size();
    List<Dtos.Hook> existing;
    try {
      existing = client.forStore(store).hooks().list();
    } catch (RuntimeException e) {
      // Class only: the client's messages can carry the request.
      LOG.warn("Store {}: reading hooks failed with {}", store.storeHash(), e.getClass().getName());
      return Optional.of(
          new Health(
              expected,
              List.of(),
              List.of(),
              List.of(),
              "hooks could not be read (" + e.getClass().getSimpleName() + ")"));
    }
    List<String> missing = new ArrayList<>();
    List<String> inactive = new ArrayList<>();
    List<String> staleSecret = new ArrayList<>();
    for (AppManifest.HookSpec spec : manifest.hooks()) {
      String destination = spec.destination(config.publicUrl());
      Optional<Dtos.Hook> hook =
          existing.stream()
              .filter(h -> h.scope().equals(spec.scope()) && h.destination().equals(destination))
              .findFirst();
      if (hook.isEmpty()) {
        missing.add(spec.scope());
      } else if (!hook.get().active()) {
        inactive.add(spec.scope());
      } else if (!secretMatches(hook.get().headers(), store.webhookSecret())) {
        staleSecret.add(spec.scope());
      }
    }
    return Optional.of(new Health(expected, missing, inactive, staleSecret, null));
  }

  private static boolean secretMatches(Map<String, String> headers, String secret) {
    return secret != null && secret.equals(headers.get(WebhookHeaders.STORE_SECRET));
  }
}
