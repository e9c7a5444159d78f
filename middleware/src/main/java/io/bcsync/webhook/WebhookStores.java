package io.bcsync.webhook;

import java.util.Optional;

/**
 * Port: which stores are connected, and the per-store secret bcsync put into their hooks' custom
 * headers. Backed by configuration now; the app install flow adds stores it registers itself.
 */
public interface WebhookStores {
  Optional<String> webhookSecret(String storeHash);
}
