package io.bcsync.salesforce.auth;

import io.bcsync.config.SalesforceConfig;
import io.bcsync.sync.port.SalesforceLink;
import jakarta.inject.Singleton;

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
        return credentials
            .instanceUrl()
            .map(url -> new View(true, "Connected to " + url))
            .orElseGet(
                () ->
                    new View(
                        false,
                        "Not connected: ask your bcsync administrator to connect Salesforce"));
      default:
        return new View(true, "Configured (" + config.authMode() + " authentication)");
    }
  }
}
