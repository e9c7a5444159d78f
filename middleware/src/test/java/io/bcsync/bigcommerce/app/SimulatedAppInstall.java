package io.bcsync.bigcommerce.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.app.AppRegistration;
import io.bcsync.sim.bigcommerce.app.SignedPayloads;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.WebhookCalls;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The set-up the app tests share: a simulated BigCommerce with one app registered whose callbacks
 * point at bcsync on a free local port, the properties that wire bcsync to that simulator and app,
 * and the calls a test makes as BigCommerce or the merchant's browser would (install a store, sign
 * a load, GET a {@code /bc/*} path). Started from {@code getProperties()}, before bcsync starts, so
 * bcsync's port is known when the app is registered.
 */
final class SimulatedAppInstall implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TOKEN_ENCRYPTION_KEY =
      Base64.getEncoder()
          .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

  private final BigCommerceSimulator sim;
  private final int port;
  private final String publicUrl;
  private final AppRegistration app;

  private SimulatedAppInstall(String clientId, String clientSecret, String scopes) {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults().allowLocalHttpHookDestinations(true));
    port = FreePort.find();
    publicUrl = "http://localhost:" + port;
    app =
        new AppRegistration(
            clientId,
            clientSecret,
            publicUrl + "/bc/auth",
            publicUrl + "/bc/load",
            publicUrl + "/bc/uninstall",
            publicUrl + "/bc/remove_user",
            scopes);
    sim.registerApp(app);
  }

  /** Starts the simulator and registers the app with the given OAuth scopes (space-separated). */
  static SimulatedAppInstall start(String clientId, String clientSecret, String scopes) {
    return new SimulatedAppInstall(clientId, clientSecret, scopes);
  }

  BigCommerceSimulator sim() {
    return sim;
  }

  String publicUrl() {
    return publicUrl;
  }

  AppRegistration app() {
    return app;
  }

  /**
   * bcsync's properties for this app on the given database, in a mutable map for the test's own
   * additions. The scheduler is off, and the callback rate limit is raised out of the way: these
   * tests make many callbacks in a row by design; AppCallbackLimitsTest covers the limit.
   */
  Map<String, String> properties(Map<String, String> database) {
    Map<String, String> properties = new HashMap<>(database);
    properties.put("micronaut.server.port", String.valueOf(port));
    properties.put("bcsync.admin-token", WebhookCalls.ADMIN_TOKEN);
    properties.put("bcsync.bigcommerce.api-url", sim.baseUrl());
    properties.put("bcsync.bigcommerce.login-url", sim.loginBaseUrl());
    properties.put("bcsync.bigcommerce.client-id", app.clientId());
    properties.put("bcsync.bigcommerce.client-secret", app.clientSecret());
    properties.put("bcsync.bigcommerce.app.public-url", publicUrl);
    properties.put("bcsync.bigcommerce.app.token-encryption-key", TOKEN_ENCRYPTION_KEY);
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.bigcommerce.callbacks.rate-limit", "1000");
    properties.put("bcsync.bigcommerce.callbacks.rate-burst", "1000");
    return properties;
  }

  /** Creates the store in the simulator and installs the app there, which bcsync must accept. */
  SimulatedStore install(String hash) {
    SimulatedStore store = sim.createStore(BigCommerceSimulator.StoreSpec.named(hash));
    assertThat(sim.installApp(hash, app.clientId()).callbackStatus()).isEqualTo(200);
    return store;
  }

  /** The store's owner, as signed payloads name the user who opened the app. */
  static SignedPayloads.StoreUser owner(String hash) {
    return new SignedPayloads.StoreUser(1, "owner@" + hash + ".example");
  }

  /** A signed_payload_jwt BigCommerce would send when the store's owner opens the app. */
  String signedLoad(String hash, Instant issuedAt) {
    return SignedPayloads.create(app, hash, owner(hash), owner(hash), issuedAt, "/");
  }

  /** The app page as the control panel's iframe asks for it with that signed payload. */
  HttpResponse<String> load(String signedPayloadJwt) throws Exception {
    return get("/bc/load?signed_payload_jwt=" + enc(signedPayloadJwt));
  }

  HttpResponse<String> get(String path) throws Exception {
    return get(path, null);
  }

  /** A GET of bcsync's path, with the Authorization header unless it is null or blank. */
  HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(publicUrl + path)).GET();
    if (authorization != null && !authorization.isBlank()) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    sim.close();
  }
}
