package io.bcsync.salesforce.auth;

import io.bcsync.config.SalesforceConfig;
import io.bcsync.sync.port.SalesforceLink;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What the BigCommerce app page says about the Salesforce side. One org serves the whole service,
 * so every store's page shows the same org; the page never starts a connection (any control-panel
 * user of any store can open it), it says who can.
 */
@Singleton
public class SalesforceLinkStatus implements SalesforceLink {
  private final SalesforceConfig config;
  private final CredentialStore credentials;

  public SalesforceLinkStatus(SalesforceConfig config, CredentialStore credentials) {
    this.config = config;
    this.credentials = credentials;
  }

  @Override
  public View current() {
    switch (config.authMode()) {
      case "none":
        return new View(
            false, "Not configured: ask your bcsync administrator to connect Salesforce");
      case "web-server":
        return webServerView();
      default:
        return new View(true, "Configured (" + config.authMode() + " authentication)");
    }
  }

  private View webServerView() {
    Optional<CredentialStore.StoredCredential> stored;
    try {
      stored = credentials.load();
    } catch (CredentialUnreadableException unreadable) {
      // A key change must not break every store's page (a 500): say what happened and who fixes it.
      return new View(
          false,
          "Not connected: the stored Salesforce credential cannot be read (encryption key"
              + " changed); ask your bcsync administrator to connect Salesforce again");
    }
    return stored
        .map(c -> new View(true, "Connected to " + c.instanceUrl()))
        .orElseGet(
            () ->
                new View(
                    false, "Not connected: ask your bcsync administrator to connect Salesforce"));
  }
}
