package io.bcsync.salesforce.auth;

import java.net.URI;
import java.util.Objects;

/**
 * An access token and the org instance it is valid for. The same token serves force-wsc (session
 * id) and CometD (Bearer header).
 *
 * @param userId the user the token acts as, when the grant tells us (OAuth {@code id} URL, SOAP
 *     login result)
 */
public record SalesforceToken(String accessToken, String instanceUrl, String userId) {
  public SalesforceToken {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(instanceUrl, "instanceUrl");
    instanceUrl =
        instanceUrl.endsWith("/")
            ? instanceUrl.substring(0, instanceUrl.length() - 1)
            : instanceUrl;
  }

  /**
   * Scheme, host and port of a SOAP server URL such as {@code
   * https://x.my.salesforce.com/services/Soap/u/65.0/00D}.
   */
  public static String instanceOf(String serverUrl) {
    URI uri = URI.create(serverUrl);
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  @Override
  public String toString() {
    return "SalesforceToken[instanceUrl="
        + instanceUrl
        + ", userId="
        + userId
        + ", accessToken=****]";
  }
}
