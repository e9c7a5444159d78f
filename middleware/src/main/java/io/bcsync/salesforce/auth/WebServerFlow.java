package io.bcsync.salesforce.auth;

import io.bcsync.config.SalesforceConfig;
import io.bcsync.db.Db;
import io.bcsync.salesforce.soap.OrgInfo;
import io.bcsync.salesforce.soap.SalesforceConnector;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth web-server flow behind "Connect Salesforce" (issue 16). Whoever completes it decides
 * which org the whole service writes to, so:
 *
 * <ol>
 *   <li>only an administrator starts it: {@link #issueStartLink} (admin API) hands out a one-time
 *       start link, because a browser cannot send the admin bearer token on a link;
 *   <li>{@link #begin} (the link, opened in the administrator's browser) trades it for a state and
 *       a PKCE verifier; the verifier goes to that browser only, as an HttpOnly cookie, and the
 *       database keeps the state's hash and the verifier's S256 challenge. The callback therefore
 *       works only in the browser that started it, once, within {@link #STATE_LIFETIME};
 *   <li>{@link #complete} exchanges the code with the verifier (PKCE), runs the environment guard
 *       on the new org before storing anything, and replaces an existing connection only when the
 *       administrator asked for that ({@code replace=true}); a replacement is logged by org id.
 * </ol>
 */
@Singleton
public class WebServerFlow {
  private static final Logger LOG = LoggerFactory.getLogger(WebServerFlow.class);

  static final Duration TICKET_LIFETIME = Duration.ofMinutes(5);

  /** Long enough to log in to Salesforce with MFA, short enough that a stray state dies soon. */
  static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

  private static final int MAX_CODE_LENGTH = 2048;

  private final SalesforceConfig config;
  private final OAuthTokenEndpoint endpoint;
  private final CredentialStore credentials;
  private final SalesforceConnector connector;
  private final Db db;
  private final OAuthRequestRepository requests;
  private final Clock clock;

  WebServerFlow(
      SalesforceConfig config,
      OAuthTokenEndpoint endpoint,
      CredentialStore credentials,
      SalesforceConnector connector,
      Db db,
      OAuthRequestRepository requests,
      Clock clock) {
    this.config = config;
    this.endpoint = endpoint;
    this.credentials = credentials;
    this.connector = connector;
    this.db = db;
    this.requests = requests;
    this.clock = clock;
  }

  /** The one-time link an administrator opens in the browser that will log in to Salesforce. */
  public record StartLink(String url, Instant expiresAt) {
    @Override
    public String toString() {
      return "StartLink[url=****, expiresAt=" + expiresAt + "]";
    }
  }

  /** Where {@link #begin} sends the browser, and the PKCE verifier that browser must keep. */
  public record Redirect(String authorizeUrl, String verifier) {
    @Override
    public String toString() {
      return "Redirect[authorizeUrl=" + authorizeUrl + ", verifier=****]";
    }
  }

  /**
   * @param replace the administrator confirms that a new connection replaces the current one
   * @throws ConnectRefusedException 409 when a connection exists and {@code replace} is false
   */
  public StartLink issueStartLink(boolean replace) {
    requireWebServerMode();
    if (!replace && credentials.isPresent()) {
      throw new ConnectRefusedException(
          "already_connected",
          409,
          "Salesforce is already connected"
              + credentials.orgId().map(id -> " to org " + id).orElse("")
              + "; to connect another org (or reconnect), start again with replace=true");
    }
    String ticket = OAuthSecrets.random();
    long now = clock.millis();
    long expires = now + TICKET_LIFETIME.toMillis();
    db.write(
        () -> {
          requests.deleteExpired(now);
          return requests.save(
              new OAuthRequestRow(
                  OAuthSecrets.hash(ticket), OAuthRequestRow.TICKET, null, replace, expires));
        });
    LOG.info(
        "Issued a one-time \"Connect Salesforce\" start link (replace={}, valid {} minutes)",
        replace,
        TICKET_LIFETIME.toMinutes());
    return new StartLink(
        URI.create(config.redirectUri()).resolve("start").toString() + "?ticket=" + ticket,
        Instant.ofEpochMilli(expires));
  }

  /** Trades a start link's ticket (once) for Salesforce's authorize URL and a PKCE verifier. */
  public Redirect begin(String ticket) {
    requireWebServerMode();
    OAuthRequestRow issued =
        consume(ticket, OAuthRequestRow.TICKET)
            .orElseThrow(
                () ->
                    refused(
                        "unknown_ticket",
                        "This start link is unknown, used or expired: ask the admin API for a new"
                            + " one (POST /admin/salesforce/connect)"));
    String state = OAuthSecrets.random();
    String verifier = OAuthSecrets.random();
    String challenge = OAuthSecrets.challenge(verifier);
    long expires = clock.millis() + STATE_LIFETIME.toMillis();
    db.write(
        () ->
            requests.save(
                new OAuthRequestRow(
                    OAuthSecrets.hash(state),
                    OAuthRequestRow.STATE,
                    challenge,
                    issued.replaceExisting(),
                    expires)));
    String url =
        OAuthTokenEndpoint.stripSlash(config.loginUrl())
            + "/services/oauth2/authorize?response_type=code&client_id="
            + enc(config.clientId())
            + "&redirect_uri="
            + enc(config.redirectUri())
            + "&state="
            + enc(state)
            + "&code_challenge="
            + enc(challenge)
            + "&code_challenge_method=S256"
            + "&prompt="
            + enc("login consent");
    return new Redirect(url, verifier);
  }

  /**
   * @param verifier the PKCE verifier from the browser's cookie (null when it sent none)
   * @return the connected org, after the guard accepted it
   * @throws ConnectRefusedException for a state this browser did not start, a used or expired one,
   *     or an unconfirmed replacement; nothing is stored then
   */
  public OrgInfo complete(String code, String state, String verifier) throws Exception {
    requireWebServerMode();
    // The state is spent by any attempt that names it, bound or not: it is tried once.
    Optional<OAuthRequestRow> pending = consume(state, OAuthRequestRow.STATE);
    if (pending.isEmpty()) {
      throw refused(
          "unknown_state",
          "Unknown, used or expired OAuth state: start \"Connect Salesforce\" again");
    }
    if (!OAuthSecrets.wellFormed(verifier)
        || !OAuthSecrets.sameText(
            OAuthSecrets.challenge(verifier), pending.get().codeChallenge())) {
      throw refused(
          "state_not_bound",
          "This browser did not start this connection (its bcsync cookie is missing or"
              + " different): open a new start link in the same browser that logs in to"
              + " Salesforce");
    }
    if (code == null || code.isEmpty() || code.length() > MAX_CODE_LENGTH) {
      throw refused("invalid_code", "The callback carries no usable authorization code");
    }
    boolean replacing = credentials.isPresent();
    if (replacing && !pending.get().replaceExisting()) {
      throw new ConnectRefusedException(
          "replace_not_confirmed",
          409,
          "Salesforce is already connected and this connection was not started with"
              + " replace=true; nothing was changed");
    }
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("client_id", config.clientId());
    form.put("client_secret", config.clientSecret());
    form.put("redirect_uri", config.redirectUri());
    form.put("code_verifier", verifier);
    OAuthTokenEndpoint.TokenResponse response = endpoint.request(form);
    if (response.refreshToken() == null) {
      throw new SalesforceAuthException(
          "Salesforce issued no refresh token: add the refresh_token scope to the"
              + " connected app",
          false,
          null);
    }
    // The guard sees the new org before anything is stored: a refused org leaves the current
    // connection exactly as it was.
    OrgInfo org = connector.inspect(response.token());
    if (!replacing && credentials.isPresent()) {
      // Another connection completed meanwhile; this one was not confirmed to replace it.
      throw new ConnectRefusedException(
          "replace_not_confirmed",
          409,
          "Salesforce was connected by another flow meanwhile; nothing was changed");
    }
    Optional<String> previousOrg = credentials.orgId();
    Optional<String> previousInstance = credentials.instanceUrl();
    String userId = response.token().userId() != null ? response.token().userId() : org.userId();
    credentials.save(response.refreshToken(), response.token().instanceUrl(), userId, org.orgId());
    connector.reset();
    connector.tokens().invalidate();
    if (replacing) {
      LOG.warn(
          "Salesforce connection REPLACED (confirmed with replace=true): org {} at {} is now org {}"
              + " ({}) at {} as user {}",
          previousOrg.orElse("(org id not recorded)"),
          previousInstance.orElse("?"),
          org.orgId(),
          org.sandbox() ? "sandbox" : "production",
          response.token().instanceUrl(),
          userId);
    } else {
      LOG.info(
          "Salesforce connected: org {} ({}) at {} as user {}",
          org.orgId(),
          org.sandbox() ? "sandbox" : "production",
          response.token().instanceUrl(),
          userId);
    }
    return org;
  }

  /** The cookie path: the callback's path, so the verifier is sent nowhere else. */
  public String callbackPath() {
    return URI.create(config.redirectUri()).getRawPath();
  }

  /** Secure cookies when the callback is HTTPS (the local demo and tests run on plain HTTP). */
  public boolean secureCallback() {
    return "https".equalsIgnoreCase(URI.create(config.redirectUri()).getScheme());
  }

  private Optional<OAuthRequestRow> consume(String secret, String kind) {
    if (!OAuthSecrets.wellFormed(secret)) {
      return Optional.empty();
    }
    String hash = OAuthSecrets.hash(secret);
    long now = clock.millis();
    return db.write(
        () -> {
          Optional<OAuthRequestRow> row = requests.findById(hash);
          return requests.consume(hash, kind, now) == 1 ? row : Optional.<OAuthRequestRow>empty();
        });
  }

  private static ConnectRefusedException refused(String error, String message) {
    return new ConnectRefusedException(error, 400, message);
  }

  private void requireWebServerMode() {
    if (!"web-server".equals(config.authMode())) {
      throw new ConnectRefusedException(
          "not_web_server_mode",
          400,
          "\"Connect Salesforce\" needs bcsync.salesforce.auth-mode=web-server");
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
