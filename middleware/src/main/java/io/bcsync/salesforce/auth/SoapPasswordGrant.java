package io.bcsync.salesforce.auth;

import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SoapFaultException;
import io.bcsync.http.LogSafe;
import io.bcsync.salesforce.soap.SoapEndpoints;
import java.time.Duration;

/**
 * Username + password (+ security token) through the SOAP {@code login} call. For local development
 * only: it needs no connected app, but Salesforce is retiring password logins for integrations.
 */
public class SoapPasswordGrant implements TokenGrant {
  private static final int MAX_ERROR_TEXT = 200;

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
      // Whatever answers at the login URL chooses the fault's text, and the message is logged:
      // escaped and short, as OAuthTokenEndpoint does with error_description.
      throw new SalesforceAuthException(
          "Salesforce refused the password login for "
              + username
              + ": "
              + fault.getExceptionCode()
              + " ("
              + LogSafe.printable(fault.getExceptionMessage(), MAX_ERROR_TEXT)
              + ")",
          false,
          null);
    } catch (SoapFaultException fault) {
      // Not attached as the cause: its message is the raw faultstring, which a logged stack trace
      // would print unescaped.
      throw new SalesforceAuthException(
          "Salesforce login at "
              + loginUrl
              + " failed: SOAP fault "
              + LogSafe.printable(fault.getMessage(), MAX_ERROR_TEXT),
          true,
          null);
    } catch (ConnectionException e) {
      throw new SalesforceAuthException(
          "Salesforce login at "
              + loginUrl
              + " failed: "
              + e.getClass().getSimpleName()
              + ": "
              + LogSafe.printable(e.getMessage(), MAX_ERROR_TEXT),
          true,
          e);
    }
  }

  @Override
  public String name() {
    return "password";
  }
}
