package io.bcsync.bigcommerce.stores;

import io.bcsync.config.StoreConfig;
import io.bcsync.webhook.ConfiguredWebhookStores;
import io.bcsync.webhook.WebhookStores;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
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
  private final Map<String, StoreConfig> configured;
  private final InstalledStores installed;

  public ConnectedStores(List<StoreConfig> configured, InstalledStores installed) {
    this.configured =
        configured.stream()
            .collect(Collectors.toUnmodifiableMap(StoreConfig::storeHash, Function.identity()));
    this.installed = installed;
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
  public Optional<String> webhookSecret(String storeHash) {
    return find(storeHash).map(ConnectedStore::webhookSecret);
  }

  private static ConnectedStore fromConfig(StoreConfig config) {
    return new ConnectedStore(
        config.storeHash(),
        ConnectedStore.Source.CONFIGURATION,
        Optional.ofNullable(config.accessToken()).filter(token -> !token.isBlank()),
        config.webhookSecret());
  }
}
