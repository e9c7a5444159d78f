package io.bcsync.sync.port;

/**
 * Port: what the BigCommerce app page may say about the Salesforce connection, without the
 * BigCommerce package knowing the Salesforce package. Adapter: {@code
 * io.bcsync.salesforce.auth.SalesforceLinkStatus}.
 */
public interface SalesforceLink {

  View current();

  /**
   * The page offers no way to connect or reconnect: whoever connects chooses the org every store
   * writes to, so only a bcsync administrator does it (admin API, issue 16).
   *
   * @param connected true when bcsync holds credentials for an org
   * @param description a short human sentence for the page
   */
  record View(boolean connected, String description) {}
}
