package io.bcsync.webhook;

import java.util.Optional;

/**
 * Port: which stores are connected, and the per-store secret bcsync put into their hooks' custom
 * headers. Backed by configuration and by the app install flow's stores.
 */
public interface WebhookStores {
  /**
   * A connected store as the intake sees it.
   *
   * @param secret the secret bcsync put in the store's hooks' custom headers
   * @param hooksOfTheApp true when the store's hooks were registered with the app's token (an app
   *     install), so BigCommerce signs their callbacks with the app's client secret; false for a
   *     store in configuration, whose hooks belong to a store-level API account
   */
  record WebhookStore(String secret, boolean hooksOfTheApp) {
    @Override
    public String toString() {
      return "WebhookStore[secret=****, hooksOfTheApp=" + hooksOfTheApp + "]";
    }
  }

  Optional<WebhookStore> webhookStore(String storeHash);
}
