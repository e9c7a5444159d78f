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
import java.sql.PreparedStatement;
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
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public WebServerFlow(
      SalesforceConfig config,
      OAuthTokenEndpoint endpoint,
      CredentialStore credentials,
      SalesforceConnector connector,
      Db db,
      Clock clock) {
    this.config = config;
    this.endpoint = endpoint;
    this.credentials = credentials;
    this.connector = connector;
    this.db = db;
    this.clock = clock;
  }

  public String start() {
    requireWebServerMode();
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    long now = clock.millis();
    db.write(
        connection -> {
          try (PreparedStatement purge =
              connection.prepareStatement(
                  "DELETE FROM salesforce_oauth_state WHERE expires_at_ms < ?")) {
            purge.setLong(1, now);
            purge.executeUpdate();
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO salesforce_oauth_state (state, expires_at_ms) VALUES (?, ?)")) {
            insert.setString(1, state);
            insert.setLong(2, now + STATE_LIFETIME.toMillis());
            return insert.executeUpdate();
          }
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
    return db.write(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM salesforce_oauth_state WHERE state = ? AND expires_at_ms >= ?")) {
            delete.setString(1, state);
            delete.setLong(2, now);
            return delete.executeUpdate() == 1;
          }
        });
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
