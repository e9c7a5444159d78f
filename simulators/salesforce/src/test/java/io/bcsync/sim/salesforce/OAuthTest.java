package io.bcsync.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.ws.ConnectorConfig;
import io.bcsync.sim.salesforce.auth.ConnectedApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint: JWT bearer, web-server flow with refresh, password; tokens usable on SOAP
 * until revoked.
 */
class OAuthTest {
  static final String JWT_APP = "jwt-consumer-key";
  static SalesforceSimulator sim;
  static KeyPair appKeys;
  static KeyPair otherKeys;
  static final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    appKeys = generator.generateKeyPair();
    otherKeys = generator.generateKeyPair();
    sim =
        SalesforceSimulator.start(
            TestOrgs.options()
                .connectedApp(
                    new ConnectedApp(
                        JWT_APP,
                        "jwt-secret",
                        "https://app.example/callback",
                        (RSAPublicKey) appKeys.getPublic())));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static String assertion(
      KeyPair keys, String issuer, String subject, String audience, Instant expires)
      throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .audience(audience)
            .expirationTime(Date.from(expires))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    jwt.sign(new RSASSASigner(keys.getPrivate()));
    return jwt.serialize();
  }

  private static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> jsonOf(HttpResponse<String> response) throws Exception {
    return json.readValue(response.body(), Map.class);
  }

  private static Map<String, Object> jwtToken(String assertion) throws Exception {
    HttpResponse<String> response =
        post(
            sim.tokenUrl(),
            Map.of(
                "grant_type",
                "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion",
                assertion));
    Map<String, Object> body = jsonOf(response);
    body.put("status", response.statusCode());
    return body;
  }

  /**
   * force-wsc with an OAuth token: session id plus the service endpoint, as the middleware
   * configures it.
   */
  private static PartnerConnection soapWith(String accessToken, String instanceUrl)
      throws Exception {
    ConnectorConfig config = new ConnectorConfig();
    config.setAuthEndpoint(instanceUrl + "/services/Soap/u/65.0");
    config.setServiceEndpoint(instanceUrl + "/services/Soap/u/65.0");
    config.setSessionId(accessToken);
    return new PartnerConnection(config);
  }

  @Test
  void jwt_bearer_issues_a_token_that_works_on_soap_and_has_no_refresh_token() throws Exception {
    Map<String, Object> token =
        jwtToken(
            assertion(
                appKeys,
                JWT_APP,
                sim.integrationUser().username(),
                "https://login.salesforce.com",
                Instant.now().plusSeconds(180)));

    assertThat(token)
        .containsEntry("status", 200)
        .containsEntry("instance_url", sim.baseUrl())
        .containsEntry("token_type", "Bearer")
        .doesNotContainKey("refresh_token");
    PartnerConnection connection =
        soapWith((String) token.get("access_token"), (String) token.get("instance_url"));
    assertThat(connection.getUserInfo().getUserId()).isEqualTo(sim.integrationUser().id());
  }

  @Test
  void jwt_bearer_rejects_wrong_key_expired_assertion_unknown_issuer_and_audience()
      throws Exception {
    String user = sim.integrationUser().username();
    Instant later = Instant.now().plusSeconds(180);

    assertThat(jwtToken(assertion(otherKeys, JWT_APP, user, "https://login.salesforce.com", later)))
        .containsEntry("status", 400)
        .containsEntry("error", "invalid_grant");
    assertThat(
            jwtToken(
                assertion(
                    appKeys,
                    JWT_APP,
                    user,
                    "https://login.salesforce.com",
                    Instant.now().minusSeconds(5))))
        .containsEntry("error", "invalid_grant");
    assertThat(
            jwtToken(
                assertion(appKeys, "who-is-this", user, "https://login.salesforce.com", later)))
        .containsEntry("error", "invalid_client_id");
    assertThat(jwtToken(assertion(appKeys, JWT_APP, user, "https://example.com", later)))
        .containsEntry("error", "invalid_grant")
        .containsEntry("error_description", "audience is invalid");
    assertThat(
            jwtToken(
                assertion(
                    appKeys, JWT_APP, "nobody@example.com", "https://test.salesforce.com", later)))
        .containsEntry("error", "invalid_grant");
  }

  @Test
  void web_server_flow_then_refresh_then_revoke() throws Exception {
    String callback = SimulatorOptions.DEFAULT_CONNECTED_APP.callbackUrl();
    String clientId = SimulatorOptions.DEFAULT_CONNECTED_APP.clientId();
    String secret = SimulatorOptions.DEFAULT_CONNECTED_APP.clientSecret();
    HttpResponse<String> redirect =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        sim.authorizeUrl()
                            + "?response_type=code&client_id="
                            + clientId
                            + "&redirect_uri="
                            + URLEncoder.encode(callback, StandardCharsets.UTF_8)
                            + "&state=xyz"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(location).startsWith(callback + "?code=").endsWith("&state=xyz");
    String code =
        java.net.URLDecoder.decode(
            location.replaceAll(".*code=([^&]+).*", "$1"), StandardCharsets.UTF_8);

    Map<String, String> exchange =
        new LinkedHashMap<>(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "client_id",
                clientId,
                "client_secret",
                secret,
                "redirect_uri",
                callback));
    Map<String, Object> tokens = jsonOf(post(sim.tokenUrl(), exchange));
    assertThat(tokens).containsKeys("access_token", "refresh_token");
    assertThat(post(sim.tokenUrl(), exchange).statusCode())
        .as("codes are single use")
        .isEqualTo(400);

    Map<String, String> refresh =
        Map.of(
            "grant_type",
            "refresh_token",
            "refresh_token",
            (String) tokens.get("refresh_token"),
            "client_id",
            clientId,
            "client_secret",
            secret);
    Map<String, Object> refreshed = jsonOf(post(sim.tokenUrl(), refresh));
    assertThat(refreshed.get("access_token")).isNotEqualTo(tokens.get("access_token"));
    assertThat(soapWith((String) refreshed.get("access_token"), sim.baseUrl()).getUserInfo())
        .isNotNull();

    assertThat(sim.revokeToken((String) tokens.get("refresh_token"))).isTrue();
    assertThat(jsonOf(post(sim.tokenUrl(), refresh))).containsEntry("error", "invalid_grant");
  }

  /** Authorize with these extra query parameters; the code Salesforce redirected back with. */
  private static String authorizationCode(String extraQuery) throws Exception {
    HttpResponse<String> redirect =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        sim.authorizeUrl()
                            + "?response_type=code&client_id="
                            + SimulatorOptions.DEFAULT_CONNECTED_APP.clientId()
                            + "&redirect_uri="
                            + URLEncoder.encode(
                                SimulatorOptions.DEFAULT_CONNECTED_APP.callbackUrl(),
                                StandardCharsets.UTF_8)
                            + extraQuery))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = redirect.headers().firstValue("Location").orElse("");
    if (!location.contains("code=")) {
      return null;
    }
    return java.net.URLDecoder.decode(
        location.replaceAll(".*code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> redeem(String code, String verifier) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("client_id", SimulatorOptions.DEFAULT_CONNECTED_APP.clientId());
    form.put("client_secret", SimulatorOptions.DEFAULT_CONNECTED_APP.clientSecret());
    form.put("redirect_uri", SimulatorOptions.DEFAULT_CONNECTED_APP.callbackUrl());
    if (verifier != null) {
      form.put("code_verifier", verifier);
    }
    return post(sim.tokenUrl(), form);
  }

  @Test
  void pkce_codes_are_redeemed_only_with_the_verifier_of_their_challenge() throws Exception {
    // RFC 7636 appendix B's example pair
    String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    String challenge = "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    assertThat(jsonOf(redeem(authorizationCode(challenge), null)))
        .containsEntry("error", "invalid_grant");
    assertThat(jsonOf(redeem(authorizationCode(challenge), "x".repeat(43))))
        .containsEntry("error", "invalid_request");
    assertThat(jsonOf(redeem(authorizationCode(""), verifier)))
        .as("a verifier for a code issued without a challenge")
        .containsEntry("error", "invalid_request");
    assertThat(authorizationCode(challenge + "&code_challenge_method=plain")).isNull();

    HttpResponse<String> granted =
        redeem(authorizationCode(challenge + "&code_challenge_method=S256"), verifier);
    assertThat(granted.statusCode()).isEqualTo(200);
    assertThat(jsonOf(granted)).containsKeys("access_token", "refresh_token");
  }

  @Test
  void password_grant_for_local_development_and_revoked_tokens_fail_on_soap() throws Exception {
    Map<String, Object> token =
        jsonOf(
            post(
                sim.tokenUrl(),
                Map.of(
                    "grant_type",
                    "password",
                    "client_id",
                    SimulatorOptions.DEFAULT_CONNECTED_APP.clientId(),
                    "client_secret",
                    SimulatorOptions.DEFAULT_CONNECTED_APP.clientSecret(),
                    "username",
                    sim.integrationUser().username(),
                    "password",
                    sim.integrationUser().password() + sim.integrationUser().securityToken())));
    PartnerConnection connection = soapWith((String) token.get("access_token"), sim.baseUrl());
    connection.getUserInfo();

    assertThat(
            post(
                    sim.baseUrl() + "/services/oauth2/revoke",
                    Map.of("token", (String) token.get("access_token")))
                .statusCode())
        .isEqualTo(200);

    assertThatThrownBy(connection::getUserInfo)
        .isInstanceOfSatisfying(
            UnexpectedErrorFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID));
  }

  @Test
  void bad_client_secret_and_unknown_grant_type() throws Exception {
    HttpResponse<String> badSecret =
        post(
            sim.tokenUrl(),
            Map.of(
                "grant_type",
                "password",
                "client_id",
                SimulatorOptions.DEFAULT_CONNECTED_APP.clientId(),
                "client_secret",
                "nope",
                "username",
                "x",
                "password",
                "y"));
    HttpResponse<String> unknown = post(sim.tokenUrl(), Map.of("grant_type", "client_credentials"));

    assertThat(badSecret.statusCode()).isEqualTo(400);
    assertThat(jsonOf(badSecret)).containsEntry("error", "invalid_client");
    assertThat(jsonOf(unknown)).containsEntry("error", "unsupported_grant_type");
  }
}
