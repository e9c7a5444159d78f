package io.bcsync.salesforce.soap;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;

/** One Partner API call on the session's connection. */
@FunctionalInterface
public interface SoapCall<T> {
  T call(PartnerConnection connection) throws ConnectionException;
}
