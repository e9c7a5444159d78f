package io.bcsync.salesforce.soap;

import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.LimitInfoHeader_element;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;

/**
 * A connected, guard-checked Partner API connection. Calls are serialised: force-wsc keeps headers
 * (session, CallOptions, LimitInfo of the last response) as mutable state on the connection, so
 * concurrent calls would read each other's LimitInfo. Throughput comes from 200-record batches, not
 * parallel calls.
 */
public class SalesforceSession {
  private final PartnerConnection connection;
  private final OrgInfo org;
  private final ApiUsageGovernor governor;

  SalesforceSession(PartnerConnection connection, OrgInfo org, ApiUsageGovernor governor) {
    this.connection = connection;
    this.org = org;
    this.governor = governor;
  }

  public OrgInfo org() {
    return org;
  }

  public synchronized <T> T call(SoapCall<T> call) throws ConnectionException {
    governor.beforeCall();
    try {
      return call.call(connection);
    } finally {
      LimitInfoHeader_element limits = connection.getLimitInfoHeader();
      if (limits != null && limits.getLimitInfo() != null) {
        for (LimitInfo info : limits.getLimitInfo()) {
          if ("API REQUESTS".equals(info.getType())) {
            governor.observed(info.getCurrent(), info.getLimit());
          }
        }
      }
    }
  }

  /** The session id the connection currently sends (tests check that renewal updated it). */
  public synchronized String sessionId() {
    return connection.getSessionHeader().getSessionId();
  }
}
