package io.bcsync.sim.salesforce.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.sim.salesforce.SimulatedOrg;
import io.bcsync.sim.salesforce.auth.ConnectedApp;
import io.bcsync.sim.salesforce.auth.Session;
import io.bcsync.sim.salesforce.auth.SimUser;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * /services/oauth2/token, /authorize and /revoke: JWT bearer, refresh token, authorization code
 * (web-server flow, auto-approved without a login page, with PKCE) and username-password for local
 * development.
 *
 * <p>PKCE as Salesforce documents it for the web-server flow (REST API Developer Guide, "Web Server
 * OAuth Authentication Flow"; Salesforce Help, "Proof Key for Code Exchange (PKCE) Extension"):
 * {@code code_challenge} is the base64url SHA-256 of the {@code code_verifier}; a code issued with
 * a challenge and redeemed without a verifier fails with {@code invalid_grant}, a verifier that
 * does not match fails with {@code invalid_request}. Where the documentation is silent the
 * simulator is the stricter plausible server: only S256 (no {@code plain}), verifiers of RFC 7636's
 * 43-128 unreserved characters, and a verifier for a code issued without a challenge is refused.
 */
public final class OAuthServlet extends HttpServlet {
  private static final Duration CODE_LIFETIME = Duration.ofMinutes(15);

  private final transient SimulatedOrg org;
  private final transient Collection<ConnectedApp> apps;
  private final transient JwtBearerVerifier jwtVerifier;
  private final transient ObjectMapper json = new ObjectMapper();
  private final transient SecureRandom random = new SecureRandom();
  private final transient Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
  private final transient Map<String, PendingCode> codes = new ConcurrentHashMap<>();

  private record Grant(String userId, String clientId) {}

  private record PendingCode(
      String userId, String clientId, String redirectUri, Instant expiresAt, String challenge) {}

  private static final java.util.regex.Pattern CHALLENGE =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final java.util.regex.Pattern VERIFIER =
      java.util.regex.Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  public OAuthServlet(SimulatedOrg org, Collection<ConnectedApp> apps) {
    this.org = org;
    this.apps = apps;
    this.jwtVerifier =
        new JwtBearerVerifier(
            apps,
            () ->
                Set.of(
                    "https://login.salesforce.com",
                    "https://test.salesforce.com",
                    JwtBearerVerifier.stripSlash(org.baseUrl().get())),
            Clock.systemUTC());
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    if (!"/authorize".equals(req.getPathInfo())) {
      resp.sendError(404);
      return;
    }
    try {
      ConnectedApp app = app(req.getParameter("client_id"));
      String redirect = req.getParameter("redirect_uri");
      if (!"code".equals(req.getParameter("response_type"))) {
        throw new OAuthError("unsupported_response_type", "response type not supported");
      }
      if (redirect == null || !redirect.equals(app.callbackUrl())) {
        throw new OAuthError("redirect_uri_mismatch", "redirect_uri must match configuration");
      }
      String challenge = req.getParameter("code_challenge");
      String method = req.getParameter("code_challenge_method");
      if (method != null && !"S256".equals(method)) {
        throw new OAuthError("invalid_request", "unsupported code challenge method");
      }
      if (challenge != null && !CHALLENGE.matcher(challenge).matches()) {
        throw new OAuthError("invalid_request", "invalid code challenge");
      }
      String hint = req.getParameter("login_hint");
      SimUser user =
          hint == null
              ? firstUser()
              : org.users()
                  .byUsername(hint)
                  .orElseThrow(() -> OAuthError.invalidGrant("authentication failure"));
      String code = randomToken();
      codes.put(
          code,
          new PendingCode(
              user.id(),
              app.clientId(),
              redirect,
              org.clock().instant().plus(CODE_LIFETIME),
              challenge));
      String state = req.getParameter("state");
      resp.sendRedirect(
          redirect
              + (redirect.contains("?") ? "&" : "?")
              + "code="
              + encode(code)
              + (state == null ? "" : "&state=" + encode(state)));
    } catch (OAuthError e) {
      writeError(resp, e);
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    try {
      switch (String.valueOf(req.getPathInfo())) {
        case "/token" -> writeJson(resp, 200, token(req));
        case "/revoke" -> {
          revoke(req.getParameter("token"));
          resp.setStatus(200);
        }
        default -> resp.sendError(404);
      }
    } catch (OAuthError e) {
      writeError(resp, e);
    }
  }

  private Map<String, Object> token(HttpServletRequest req) {
    String grantType = String.valueOf(req.getParameter("grant_type"));
    return switch (grantType) {
      case "urn:ietf:params:oauth:grant-type:jwt-bearer" ->
          jwtBearer(req.getParameter("assertion"));
      case "refresh_token" -> refresh(req);
      case "authorization_code" -> authorizationCode(req);
      case "password" -> password(req);
      default -> throw new OAuthError("unsupported_grant_type", "grant type not supported");
    };
  }

  private Map<String, Object> jwtBearer(String assertion) {
    var claims = jwtVerifier.verify(assertion);
    SimUser user =
        org.users()
            .byUsername(claims.getSubject())
            .orElseThrow(() -> OAuthError.invalidGrant("user hasn't approved this consumer"));
    // JWT bearer never returns a refresh token; clients mint a new assertion instead.
    return issue(user, claims.getIssuer(), false);
  }

  private Map<String, Object> refresh(HttpServletRequest req) {
    ConnectedApp app = app(req.getParameter("client_id"));
    checkSecretIfGiven(app, req.getParameter("client_secret"));
    Grant grant = refreshTokens.get(String.valueOf(req.getParameter("refresh_token")));
    if (grant == null || !grant.clientId().equals(app.clientId())) {
      throw OAuthError.invalidGrant("expired access/refresh token");
    }
    return issue(org.users().byId(grant.userId()).orElseThrow(), app.clientId(), false);
  }

  private Map<String, Object> authorizationCode(HttpServletRequest req) {
    ConnectedApp app = app(req.getParameter("client_id"));
    checkSecret(app, req.getParameter("client_secret"));
    PendingCode code = codes.remove(String.valueOf(req.getParameter("code")));
    if (code == null || !code.clientId().equals(app.clientId())) {
      throw OAuthError.invalidGrant("invalid authorization code");
    }
    if (code.expiresAt().isBefore(org.clock().instant())) {
      throw OAuthError.invalidGrant("expired authorization code");
    }
    if (!code.redirectUri().equals(req.getParameter("redirect_uri"))) {
      throw new OAuthError("redirect_uri_mismatch", "redirect_uri must match configuration");
    }
    checkVerifier(code.challenge(), req.getParameter("code_verifier"));
    return issue(org.users().byId(code.userId()).orElseThrow(), app.clientId(), true);
  }

  private static void checkVerifier(String challenge, String verifier) {
    if (challenge == null) {
      if (verifier != null) {
        throw new OAuthError("invalid_request", "code_verifier without a code_challenge");
      }
      return;
    }
    if (verifier == null) {
      throw OAuthError.invalidGrant("code_verifier is required");
    }
    if (!VERIFIER.matcher(verifier).matches()
        || !java.security.MessageDigest.isEqual(
            s256(verifier).getBytes(StandardCharsets.US_ASCII),
            challenge.getBytes(StandardCharsets.US_ASCII))) {
      throw new OAuthError("invalid_request", "invalid code verifier");
    }
  }

  private static String s256(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private Map<String, Object> password(HttpServletRequest req) {
    ConnectedApp app = app(req.getParameter("client_id"));
    checkSecret(app, req.getParameter("client_secret"));
    SimUser user =
        org.users()
            .byUsername(req.getParameter("username"))
            .filter(u -> u.acceptsSoapPassword(req.getParameter("password")))
            .orElseThrow(() -> OAuthError.invalidGrant("authentication failure"));
    return issue(user, app.clientId(), false);
  }

  private Map<String, Object> issue(SimUser user, String clientId, boolean withRefreshToken) {
    Session session = org.sessions().open(user.id(), clientId);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", session.token());
    if (withRefreshToken) {
      String refresh = randomToken();
      refreshTokens.put(refresh, new Grant(user.id(), clientId));
      body.put("refresh_token", refresh);
    }
    body.put("signature", randomToken().substring(0, 43));
    body.put("scope", withRefreshToken ? "refresh_token api" : "api");
    body.put("instance_url", org.baseUrl().get());
    body.put("id", org.baseUrl().get() + "/id/" + org.settings().orgId() + "/" + user.id());
    body.put("token_type", "Bearer");
    body.put("issued_at", String.valueOf(org.clock().instant().toEpochMilli()));
    return body;
  }

  /** Revokes an access token or a refresh token (and, like Salesforce, nothing else). */
  public boolean revoke(String token) {
    if (token != null && refreshTokens.remove(token) != null) {
      return true;
    }
    return org.sessions().revoke(token);
  }

  private ConnectedApp app(String clientId) {
    return apps.stream()
        .filter(a -> a.clientId().equals(clientId))
        .findFirst()
        .orElseThrow(() -> new OAuthError("invalid_client_id", "client identifier invalid"));
  }

  private static void checkSecret(ConnectedApp app, String secret) {
    if (secret == null || !secret.equals(app.clientSecret())) {
      throw new OAuthError("invalid_client", "invalid client credentials");
    }
  }

  private static void checkSecretIfGiven(ConnectedApp app, String secret) {
    if (secret != null) {
      checkSecret(app, secret);
    }
  }

  private SimUser firstUser() {
    return org.users().all().stream()
        .min(java.util.Comparator.comparing(SimUser::id))
        .orElseThrow();
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private void writeError(HttpServletResponse resp, OAuthError e) throws IOException {
    writeJson(resp, e.status, Map.of("error", e.error, "error_description", e.getMessage()));
  }

  private void writeJson(HttpServletResponse resp, int status, Object body) throws IOException {
    resp.setStatus(status);
    resp.setContentType("application/json;charset=UTF-8");
    resp.setHeader("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private");
    json.writeValue(resp.getOutputStream(), body);
  }
}
