package io.bcsync.salesforce.auth;

import io.bcsync.config.SalesforceConfig;
import io.bcsync.sync.port.SalesforceLink;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What the BigCommerce app page says about the Salesforce side, and the "Connect Salesforce" link
 * it offers. One org serves the whole service, so every store's page shows the same org.
 */
@Singleton
public class SalesforceLinkStatus implements SalesforceLink {
  private final SalesforceConfig config;
  private final CredentialStore credentials;
  private final WebServerFlow flow;

  public SalesforceLinkStatus(
      SalesforceConfig config, CredentialStore credentials, WebServerFlow flow) {
    this.config = config;
    this.credentials = credentials;
    this.flow = flow;
  }

  @Override
  public View current() {
    return switch (config.authMode()) {
      case "none" ->
          new View(false, "Not configured: set bcsync.salesforce.auth-mode", Optional.empty());
      case "web-server" -> {
        Optional<CredentialStore.StoredCredential> stored;
        try {
          stored = credentials.load();
        } catch (CredentialUnreadableException unreadable) {
          // A key change must not break every store's page: offer to connect again instead.
          yield new View(
              false,
              "Not connected: the stored Salesforce credential cannot be read (encryption key"
                  + " changed); an administrator must connect the org again",
              Optional.of(flow.start()));
        }
        String description =
            stored
                .map(c -> "Connected to " + c.instanceUrl())
                .orElse("Not connected: an administrator must connect an org");
        yield new View(stored.isPresent(), description, Optional.of(flow.start()));
      }
      default ->
          new View(true, "Configured (" + config.authMode() + " authentication)", Optional.empty());
    };
  }
}
