package io.bcsync.salesforce.auth;

import io.bcsync.config.SalesforceConfig;
import io.bcsync.db.Db;
import io.bcsync.environment.EnvironmentGuardException;
import io.bcsync.salesforce.soap.OrgInfo;
import io.bcsync.salesforce.soap.SalesforceConnector;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OAuth web-server flow behind "Connect Salesforce" (the button lives on the BigCommerce app
 * page, issue 5): {@link #start()} returns the authorize URL with a single-use state; {@link
 * #complete} exchanges the code, keeps the refresh token encrypted, then connects so the
 * environment guard checks the org. A refused org's token is deleted again: the service never stays
 * connected to an org the guard refuses.
 */
@Singleton
public class WebServerFlow {
  static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

  private final SalesforceConfig config;
  private final OAuthTokenEndpoint endpoint;
  private final CredentialStore credentials;
  private final SalesforceConnector connector;
  private final Db db;
  private final OAuthStateRepository states;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  WebServerFlow(
      SalesforceConfig config,
      OAuthTokenEndpoint endpoint,
      CredentialStore credentials,
      SalesforceConnector connector,
      Db db,
      OAuthStateRepository states,
      Clock clock) {
    this.config = config;
    this.endpoint = endpoint;
    this.credentials = credentials;
    this.connector = connector;
    this.db = db;
    this.states = states;
    this.clock = clock;
  }

  public String start() {
    requireWebServerMode();
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    long now = clock.millis();
    db.write(
        () -> {
          states.deleteExpired(now);
          return states.save(new OAuthStateRow(state, now + STATE_LIFETIME.toMillis()));
        });
    String base = OAuthTokenEndpoint.stripSlash(config.loginUrl());
    return base
        + "/services/oauth2/authorize?response_type=code&client_id="
        + enc(config.clientId())
        + "&redirect_uri="
        + enc(config.redirectUri())
        + "&state="
        + enc(state)
        + "&prompt="
        + enc("login consent");
  }

  /**
   * @return the connected org, after the guard accepted it
   */
  public OrgInfo complete(String code, String state) throws Exception {
    requireWebServerMode();
    if (code == null || state == null || !consumeState(state)) {
      throw new SalesforceAuthException(
          "Unknown or expired OAuth state: start \"Connect Salesforce\" again", false, null);
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("client_id", config.clientId());
    form.put("client_secret", config.clientSecret());
    form.put("redirect_uri", config.redirectUri());
    OAuthTokenEndpoint.TokenResponse response = endpoint.request(form);
    if (response.refreshToken() == null) {
      throw new SalesforceAuthException(
          "Salesforce issued no refresh token: add the refresh_token scope to the"
              + " connected app",
          false,
          null);
    }
    credentials.save(
        response.refreshToken(), response.token().instanceUrl(), response.token().userId());
    connector.reset();
    connector.tokens().invalidate();
    try {
      return connector.session().org();
    } catch (EnvironmentGuardException refused) {
      credentials.delete();
      connector.reset();
      throw refused;
    }
  }

  private boolean consumeState(String state) {
    long now = clock.millis();
    return db.write(() -> states.consume(state, now) == 1);
  }

  private void requireWebServerMode() {
    if (!"web-server".equals(config.authMode())) {
      throw new SalesforceAuthException(
          "\"Connect Salesforce\" needs bcsync.salesforce.auth-mode=web-server", false, null);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
