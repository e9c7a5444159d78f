package io.bcsync.bigcommerce.stores;

import java.util.Optional;

/**
 * A store bcsync serves, however it was connected. {@code accessToken} is empty for a configured
 * store without API access (it can still receive webhooks).
 */
public record ConnectedStore(
    String storeHash, Source source, Optional<String> accessToken, String webhookSecret) {
  public enum Source {
    /**
     * {@code bcsync.bigcommerce.stores.<hash>} in configuration (connector mode, store-level API
     * account).
     */
    CONFIGURATION,
    /** Installed through the BigCommerce app flow; stored in the database. */
    APP
  }

  public boolean hasApiAccess() {
    return accessToken.isPresent();
  }

  @Override
  public String toString() {
    return "ConnectedStore[" + storeHash + ", " + source + ", apiAccess=" + hasApiAccess() + "]";
  }
}
