package io.bcsync.sync.port;

import java.util.Optional;

/**
 * Port: what the BigCommerce app page may say about the Salesforce connection, without the
 * BigCommerce package knowing the Salesforce package. Adapter: {@code
 * io.bcsync.salesforce.auth.SalesforceLinkStatus}.
 */
public interface SalesforceLink {

  View current();

  /**
   * @param connected true when bcsync holds credentials for an org
   * @param description a short human sentence for the page
   * @param connectUrl the Salesforce authorize URL when the web-server flow is configured
   */
  record View(boolean connected, String description, Optional<String> connectUrl) {}
}
