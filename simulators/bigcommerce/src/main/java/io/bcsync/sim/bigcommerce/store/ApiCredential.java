package io.bcsync.sim.bigcommerce.store;

/**
 * An access token and the API account or app (client id, optional secret) it belongs to. The secret
 * keys the Standard Webhooks signature of hooks created with this token.
 */
public record ApiCredential(
    String accessToken, String clientId, String clientSecret, String scope) {
  @Override
  public String toString() {
    return "ApiCredential[clientId=" + clientId + ", token=***, secret=***]";
  }
}
