package io.bcsync.sim.bigcommerce.app;

/**
 * An app as registered in BigCommerce's Developer Portal: credentials, callback URLs and the OAuth
 * scopes it asks for. Null callbacks are simply not called.
 */
public record AppRegistration(
    String clientId,
    String clientSecret,
    String authCallbackUrl,
    String loadCallbackUrl,
    String uninstallCallbackUrl,
    String removeUserCallbackUrl,
    String scope) {

  @Override
  public String toString() {
    return "AppRegistration[clientId=" + clientId + ", secret=***, auth=" + authCallbackUrl + "]";
  }
}
