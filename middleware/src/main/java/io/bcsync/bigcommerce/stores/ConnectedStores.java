package io.bcsync.bigcommerce.stores;

import io.bcsync.config.PipelineConfig;
import io.bcsync.config.StoreConfig;
import io.bcsync.webhook.ConfiguredWebhookStores;
import io.bcsync.webhook.WebhookStores;
import io.bcsync.webhook.WebhookStores.WebhookStore;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every connected store: those in configuration (connector mode) and those that installed the app.
 * A store in configuration wins over an install of the same hash, so an operator can always pin a
 * store's credentials. Stores are independent tenants keyed by their hash.
 */
@Singleton
@Replaces(ConfiguredWebhookStores.class)
public class ConnectedStores implements WebhookStores {
  /** Most store hashes whose webhook lookup is remembered (known or not). */
  static final int WEBHOOK_CACHE_ENTRIES = 10_000;

  private final Map<String, StoreConfig> configured;
  private final InstalledStores installed;

  /**
   * Webhook lookups, kept for {@code bcsync.pipeline.webhook-secret-cache-ttl}: a webhook is
   * authenticated before anything else is done for it, and without this every callback, genuine or
   * not, would read the database and decrypt a secret first. Unknown hashes are remembered too.
   * This instance forgets a store at its install and uninstall; other instances see the change
   * within the lifetime.
   */
  private final ExpiringCache<String, Optional<ConnectedStore>> webhookLookups;

  public ConnectedStores(
      List<StoreConfig> configured,
      InstalledStores installed,
      PipelineConfig pipeline,
      Clock clock) {
    this.configured =
        configured.stream()
            .collect(Collectors.toUnmodifiableMap(StoreConfig::storeHash, Function.identity()));
    this.installed = installed;
    this.webhookLookups =
        new ExpiringCache<>(pipeline.webhookSecretCacheTtl(), WEBHOOK_CACHE_ENTRIES, clock);
  }

  /** Drops what this instance remembers of the store (after an install or an uninstall). */
  public void forget(String storeHash) {
    webhookLookups.invalidate(storeHash);
  }

  public Optional<ConnectedStore> find(String storeHash) {
    StoreConfig config = configured.get(storeHash);
    if (config != null) {
      return Optional.of(fromConfig(config));
    }
    return installed
        .find(storeHash)
        .filter(InstalledStores.InstalledStore::installed)
        .filter(store -> store.webhookSecret().isPresent())
        .map(
            store ->
                new ConnectedStore(
                    store.storeHash(),
                    ConnectedStore.Source.APP,
                    store.accessToken(),
                    store.webhookSecret().get()));
  }

  /** All stores, configured first. */
  public List<ConnectedStore> all() {
    List<ConnectedStore> all = new ArrayList<>();
    configured.values().stream()
        .sorted((a, b) -> a.storeHash().compareTo(b.storeHash()))
        .map(ConnectedStores::fromConfig)
        .forEach(all::add);
    installed.installed().stream()
        .filter(store -> !configured.containsKey(store.storeHash()))
        .filter(store -> store.webhookSecret().isPresent())
        .map(
            store ->
                new ConnectedStore(
                    store.storeHash(),
                    ConnectedStore.Source.APP,
                    store.accessToken(),
                    store.webhookSecret().get()))
        .forEach(all::add);
    return all;
  }

  public List<ConnectedStore> withApiAccess() {
    return all().stream().filter(ConnectedStore::hasApiAccess).toList();
  }

  @Override
  public Optional<WebhookStore> webhookStore(String storeHash) {
    return webhookLookups
        .get(storeHash, this::find)
        .map(
            store ->
                new WebhookStore(
                    store.webhookSecret(), store.source() == ConnectedStore.Source.APP));
  }

  private static ConnectedStore fromConfig(StoreConfig config) {
    return new ConnectedStore(
        config.storeHash(),
        ConnectedStore.Source.CONFIGURATION,
        Optional.ofNullable(config.accessToken()).filter(token -> !token.isBlank()),
        config.webhookSecret());
  }
}
