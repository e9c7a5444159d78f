package io.bcsync.salesforce.auth;

import io.bcsync.config.SalesforceConfig;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What the BigCommerce app page says about the Salesforce side, and the "Connect Salesforce" link
 * it offers. One org serves the whole service, so every store's page shows the same org.
 */
@Singleton
public class SalesforceLinkStatus {
  private final SalesforceConfig config;
  private final CredentialStore credentials;
  private final WebServerFlow flow;

  public SalesforceLinkStatus(
      SalesforceConfig config, CredentialStore credentials, WebServerFlow flow) {
    this.config = config;
    this.credentials = credentials;
    this.flow = flow;
  }

  /**
   * @param connected true when bcsync holds credentials for an org
   * @param description a short human sentence for the page
   * @param connectUrl the Salesforce authorize URL (single-use state, valid ten minutes) when the
   *     web-server flow is configured; empty otherwise
   */
  public record View(boolean connected, String description, Optional<String> connectUrl) {}

  public View current() {
    return switch (config.authMode()) {
      case "none" ->
          new View(false, "Not configured: set bcsync.salesforce.auth-mode", Optional.empty());
      case "web-server" -> {
        Optional<CredentialStore.StoredCredential> stored = credentials.load();
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
