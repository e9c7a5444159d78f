package io.bcsync.salesforce.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Web-server flow, after an administrator connected Salesforce: exchange the stored refresh token.
 */
public class RefreshTokenGrant implements TokenGrant {
  private final OAuthTokenEndpoint endpoint;
  private final CredentialStore store;
  private final String clientId;
  private final String clientSecret;

  public RefreshTokenGrant(
      OAuthTokenEndpoint endpoint, CredentialStore store, String clientId, String clientSecret) {
    this.endpoint = endpoint;
    this.store = store;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  @Override
  public SalesforceToken obtain() {
    CredentialStore.StoredCredential credential =
        store
            .load()
            .orElseThrow(
                () ->
                    new SalesforceAuthException(
                        "Salesforce is not connected yet: an administrator must connect it (POST /admin/salesforce/connect)",
                        false,
                        null));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", credential.refreshToken());
    form.put("client_id", clientId);
    form.put("client_secret", clientSecret);
    SalesforceToken token = endpoint.request(form).token();
    return token.userId() != null
        ? token
        : new SalesforceToken(token.accessToken(), token.instanceUrl(), credential.userId());
  }

  @Override
  public String name() {
    return "web-server";
  }
}
