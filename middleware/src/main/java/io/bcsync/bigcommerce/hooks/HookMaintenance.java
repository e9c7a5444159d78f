package io.bcsync.bigcommerce.hooks;

import io.bcsync.bigcommerce.client.Dtos;
import io.bcsync.bigcommerce.client.HooksApi;
import io.bcsync.bigcommerce.client.StoreClient;
import io.bcsync.bigcommerce.manifest.AppManifest;
import io.bcsync.config.BigCommerceAppConfig;
import io.bcsync.webhook.WebhookHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a store's hooks match the manifest: creates missing ones, re-enables those BigCommerce
 * deactivated after failed deliveries (it does so after about 48 hours of retries and then sends
 * nothing more), and puts the store's current secret into their custom headers. Used on install, at
 * startup for configured stores, and by the periodic check. Hooks outside the manifest are left
 * alone: the API account may serve other integrations.
 */
@Singleton
public class HookMaintenance {
  private static final Logger LOG = LoggerFactory.getLogger(HookMaintenance.class);

  private final AppManifest manifest;
  private final BigCommerceAppConfig config;
  private final MeterRegistry registry;

  public HookMaintenance(
      AppManifest manifest, BigCommerceAppConfig config, MeterRegistry registry) {
    this.manifest = manifest;
    this.config = config;
    this.registry = registry;
  }

  /** What one check changed. */
  /**
   * @param firstRegistration the store had none of our hooks: a new connection, not a repair
   *     (logged quietly and counted as {@code registered}, so the repair counter only moves when
   *     something broke)
   */
  public record Report(
      int created, int reactivated, int headersUpdated, boolean firstRegistration) {
    public int total() {
      return created + reactivated + headersUpdated;
    }
  }

  public boolean canRegister() {
    return config.publicUrl() != null;
  }

  /**
   * Brings the store's hooks in line with the manifest. Throws the client's exceptions when the API
   * fails.
   */
  public Report ensure(StoreClient store, String webhookSecret) {
    if (!canRegister()) {
      throw new IllegalStateException(
          BigCommerceAppConfig.PREFIX + ".public-url is not set: hooks need a destination");
    }
    HooksApi hooks = store.hooks();
    List<Dtos.Hook> existing = hooks.list();
    Map<String, String> headers = Map.of(WebhookHeaders.STORE_SECRET, webhookSecret);
    boolean firstRegistration =
        existing.stream()
            .noneMatch(
                hook ->
                    manifest.hooks().stream()
                        .anyMatch(
                            spec ->
                                spec.destination(config.publicUrl()).equals(hook.destination())));
    int created = 0;
    int reactivated = 0;
    int headersUpdated = 0;
    for (AppManifest.HookSpec spec : manifest.hooks()) {
      String destination = spec.destination(config.publicUrl());
      Optional<Dtos.Hook> match =
          existing.stream()
              .filter(
                  hook ->
                      hook.scope().equals(spec.scope()) && hook.destination().equals(destination))
              .findFirst();
      if (match.isEmpty()) {
        hooks.create(spec.scope(), destination, headers);
        created++;
        repaired(store.storeHash(), firstRegistration ? "registered" : "created", spec.scope());
      } else if (!match.get().active()) {
        hooks.activate(match.get().id(), headers);
        reactivated++;
        repaired(store.storeHash(), "reactivated", spec.scope());
      } else if (!webhookSecret.equals(match.get().headers().get(WebhookHeaders.STORE_SECRET))) {
        hooks.activate(match.get().id(), headers);
        headersUpdated++;
        repaired(store.storeHash(), "headers_updated", spec.scope());
      }
    }
    return new Report(created, reactivated, headersUpdated, firstRegistration);
  }

  private void repaired(String storeHash, String action, String scope) {
    LOG.info("Store {}: hook {} {}", storeHash, scope, action.replace('_', ' '));
    registry
        .counter("bcsync.bigcommerce.hook_repairs", "store", storeHash, "action", action)
        .increment();
  }
}
