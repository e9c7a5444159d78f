package io.bcsync.salesforce.auth;

/** One way of obtaining a fresh access token (JWT bearer, refresh token, SOAP password login). */
public interface TokenGrant {
  SalesforceToken obtain();

  /** For logs and the operator view: {@code jwt}, {@code web-server} or {@code password}. */
  String name();
}
