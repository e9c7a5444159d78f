package io.bcsync.salesforce.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place tokens come from. Callers that find a token rejected call {@link #renew(String)}
 * with the token that failed: concurrent callers (SOAP renewer, streaming) that saw the same stale
 * token cause one new grant, not one each.
 */
public class TokenProvider {
  private static final Logger LOG = LoggerFactory.getLogger(TokenProvider.class);

  private final TokenGrant grant;
  private SalesforceToken current;
  private int renewals;

  public TokenProvider(TokenGrant grant) {
    this.grant = grant;
  }

  public synchronized SalesforceToken current() {
    if (current == null) {
      current = grant.obtain();
      LOG.info(
          "Obtained a Salesforce token ({} grant) for {}", grant.name(), current.instanceUrl());
    }
    return current;
  }

  /** A new token unless another caller already replaced {@code staleAccessToken}. */
  public synchronized SalesforceToken renew(String staleAccessToken) {
    if (current != null && !current.accessToken().equals(staleAccessToken)) {
      return current;
    }
    current = grant.obtain();
    renewals++;
    LOG.info("Renewed the Salesforce token ({} grant), renewal #{}", grant.name(), renewals);
    return current;
  }

  /**
   * Drops the current token; the next {@link #current()} obtains a new one (after a new web-server
   * grant).
   */
  public synchronized void invalidate() {
    current = null;
  }

  public synchronized int renewals() {
    return renewals;
  }

  public String grantName() {
    return grant.name();
  }
}
