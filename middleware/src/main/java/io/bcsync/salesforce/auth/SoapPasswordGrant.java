package io.bcsync.salesforce.auth;

import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import io.bcsync.salesforce.soap.SoapEndpoints;
import java.time.Duration;

/**
 * Username + password (+ security token) through the SOAP {@code login} call. For local development
 * only: it needs no connected app, but Salesforce is retiring password logins for integrations.
 */
public class SoapPasswordGrant implements TokenGrant {
  private final String loginUrl;
  private final String username;
  private final String password;
  private final Duration timeout;

  public SoapPasswordGrant(
      String loginUrl, String username, String password, String securityToken, Duration timeout) {
    this.loginUrl = loginUrl;
    this.username = username;
    this.password = password + (securityToken == null ? "" : securityToken);
    this.timeout = timeout;
  }

  @Override
  public SalesforceToken obtain() {
    ConnectorConfig config = new ConnectorConfig();
    // Never leave the auth endpoint to the jar's default: it points at a Salesforce-internal host.
    config.setAuthEndpoint(SoapEndpoints.soapUrl(loginUrl));
    config.setServiceEndpoint(SoapEndpoints.soapUrl(loginUrl));
    config.setManualLogin(true);
    config.setConnectionTimeout((int) timeout.toMillis());
    config.setReadTimeout((int) timeout.toMillis());
    try {
      LoginResult result = new PartnerConnection(config).login(username, password);
      return new SalesforceToken(
          result.getSessionId(),
          InstanceUrls.requireTrusted(SalesforceToken.instanceOf(result.getServerUrl()), loginUrl),
          result.getUserId());
    } catch (ApiFault fault) {
      throw new SalesforceAuthException(
          "Salesforce refused the password login for "
              + username
              + ": "
              + fault.getExceptionCode()
              + " ("
              + fault.getExceptionMessage()
              + ")",
          false,
          null);
    } catch (ConnectionException e) {
      throw new SalesforceAuthException(
          "Salesforce login at " + loginUrl + " failed: " + e, true, e);
    }
  }

  @Override
  public String name() {
    return "password";
  }
}
