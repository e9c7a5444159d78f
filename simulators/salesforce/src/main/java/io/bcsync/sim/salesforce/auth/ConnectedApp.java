package io.bcsync.sim.salesforce.auth;

import java.security.interfaces.RSAPublicKey;

/**
 * An OAuth client (Connected App / External Client App): consumer key and secret, callback URL for
 * the web-server flow, and the certificate's public key that JWT-bearer assertions must be signed
 * for (null disables JWT bearer).
 */
public record ConnectedApp(
    String clientId, String clientSecret, String callbackUrl, RSAPublicKey jwtPublicKey) {

  @Override
  public String toString() {
    return "ConnectedApp[" + clientId + ", callback=" + callbackUrl + "]"; // never the secret
  }
}
