package io.bcsync.webhook;

import io.bcsync.config.StoreConfig;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Stores declared under {@code bcsync.bigcommerce.stores.<hash>}. */
@Singleton
public class ConfiguredWebhookStores implements WebhookStores {
  private final Map<String, StoreConfig> stores;

  public ConfiguredWebhookStores(List<StoreConfig> stores) {
    this.stores =
        stores.stream()
            .collect(Collectors.toUnmodifiableMap(StoreConfig::storeHash, Function.identity()));
  }

  @Override
  public Optional<WebhookStore> webhookStore(String storeHash) {
    return Optional.ofNullable(stores.get(storeHash))
        .map(store -> new WebhookStore(store.webhookSecret(), false));
  }
}
