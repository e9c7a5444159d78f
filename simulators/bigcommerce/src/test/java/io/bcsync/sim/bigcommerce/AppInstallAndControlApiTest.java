package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.bcsync.sim.bigcommerce.app.AppRegistration;
import io.bcsync.sim.bigcommerce.app.SignedPayloads;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AppInstallAndControlApiTest {
  private static final String CLIENT_ID = "app-client-id";
  private static final String SECRET = "app-client-secret-0123456789abcdef0123";
  private BigCommerceSimulator sim;
  private CallbackReceiver app;

  @BeforeEach
  void start() throws Exception {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults().allowLocalHttpHookDestinations(true));
    app = new CallbackReceiver();
    sim.registerApp(
        new AppRegistration(
            CLIENT_ID,
            SECRET,
            app.url("/auth"),
            app.url("/load"),
            app.url("/uninstall"),
            app.url("/remove_user"),
            "store_v2_orders store_v2_customers"));
  }

  @AfterEach
  void stop() {
    sim.close();
    app.close();
  }

  @Test
  void installCallsAuthWithACodeThatExchangesOnceForAWorkingToken() {
    SimulatedStore store = sim.createStore(BigCommerceSimulator.StoreSpec.named("app123"));

    var result = sim.installApp("app123", CLIENT_ID);
    Map<String, String> query = query(app.received.get(0).query());
    Map<String, Object> exchange =
        Map.of(
            "client_id",
            CLIENT_ID,
            "client_secret",
            SECRET,
            "code",
            query.get("code"),
            "context",
            query.get("context"),
            "scope",
            query.get("scope"),
            "grant_type",
            "authorization_code",
            "redirect_uri",
            app.url("/auth"));
    Http login = new Http(sim.loginBaseUrl(), null);
    Http.Response token = login.post("/oauth2/token", exchange);
    Http.Response reused = login.post("/oauth2/token", exchange);

    assertThat(result.callbackStatus()).isEqualTo(200);
    assertThat(query.get("context")).isEqualTo("stores/app123");
    assertThat(query.get("scope")).isEqualTo("store_v2_orders store_v2_customers");
    assertThat(token.status()).isEqualTo(200);
    assertThat(token.json().get("context").asText()).isEqualTo("stores/app123");
    assertThat(reused.status()).isEqualTo(400);
    String accessToken = token.json().get("access_token").asText();
    Http api = new Http(sim.baseUrl() + "/stores/app123", accessToken);
    assertThat(api.get("/v2/store").status()).isEqualTo(200);
    assertThat(
            api.post(
                    "/v3/hooks",
                    Map.of("scope", "store/order/created", "destination", app.url("/hook")))
                .json()
                .get("data")
                .get("client_id")
                .asText())
        .isEqualTo(CLIENT_ID);
    assertThat(
            login
                .post(
                    "/oauth2/token",
                    Map.of(
                        "client_id",
                        CLIENT_ID,
                        "client_secret",
                        "wrong",
                        "code",
                        "x",
                        "grant_type",
                        "authorization_code"))
                .status())
        .isEqualTo(401);

    sim.uninstallApp("app123", CLIENT_ID);
    assertThat(api.get("/v2/store").status()).isEqualTo(401);
    assertThat(store.<Integer>read(s -> s.hooks.size())).isZero();
  }

  @Test
  void loadUninstallAndRemoveUserCarryAnHs256JwtForTheClient() throws Exception {
    sim.createStore(BigCommerceSimulator.StoreSpec.named("jwt123"));

    sim.loadApp("jwt123", CLIENT_ID, new SignedPayloads.StoreUser(7, "staff@example.com"));
    sim.removeUser("jwt123", CLIENT_ID, new SignedPayloads.StoreUser(7, "staff@example.com"));
    sim.uninstallApp("jwt123", CLIENT_ID);

    assertThat(app.received)
        .extracting(CallbackReceiver.Received::path)
        .containsExactly("/load", "/remove_user", "/uninstall");
    SignedJWT jwt = SignedJWT.parse(query(app.received.get(0).query()).get("signed_payload_jwt"));
    assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(CLIENT_ID);
    assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("stores/jwt123");
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("bc");
    assertThat(jwt.getJWTClaimsSet().getJSONObjectClaim("user").get("email"))
        .isEqualTo("staff@example.com");
    SignedJWT forged =
        SignedJWT.parse(query(app.received.get(2).query()).get("signed_payload_jwt"));
    assertThat(
            forged.verify(
                new MACVerifier(
                    "another-secret-of-sufficient-length-000".getBytes(StandardCharsets.UTF_8))))
        .isFalse();
  }

  @Test
  void httpControlApiCreatesStoresActivityAndFaultsAndReadsBackWrites() {
    Http control = new Http(sim.controlUrl(), null);

    JsonNode created =
        control.post("/stores", Map.of("hash", "ctl123", "access_token", "tok")).json();
    long customer =
        control
            .post(
                "/stores/ctl123/customers",
                Map.of("email", "a@example.com", "first_name", "A", "last_name", "B"))
            .json()
            .get("id")
            .asLong();
    Http.Response twin =
        control.post(
            "/stores/ctl123/customers",
            Map.of(
                "email",
                "A@EXAMPLE.COM",
                "first_name",
                "A",
                "last_name",
                "C",
                "allow_duplicate_email",
                true));
    long order =
        control
            .post("/stores/ctl123/orders", Map.of("customer_id", customer, "line_count", 3))
            .json()
            .get("id")
            .asLong();
    JsonNode burst = control.post("/stores/ctl123/orders/burst", Map.of("count", 5)).json();
    control.put("/stores/ctl123/orders/" + order + "/status", Map.of("status_id", 2));
    control.post("/stores/ctl123/faults", Map.of("kind", "STATUS", "status", 502, "times", 1));
    Http api = new Http(sim.baseUrl() + "/stores/ctl123", "tok");
    Http.Response faulted = api.get("/v2/orders/" + order);
    api.put("/v2/orders/" + order, Map.of("staff_notes", "from the sync"));

    assertThat(created.get("store_id").asText()).isNotBlank();
    assertThat(twin.status()).isEqualTo(201);
    assertThat(burst.get("ids")).hasSize(5);
    assertThat(faulted.status()).isEqualTo(502);
    assertThat(api.get("/v2/orders/" + order).json().get("status_id").asInt()).isEqualTo(2);
    JsonNode writes = control.get("/stores/ctl123/requests?writes_only=true").json();
    assertThat(writes).hasSize(1);
    assertThat(writes.get(0).get("body").get("staff_notes").asText()).isEqualTo("from the sync");
    assertThat(control.get("/stores/ctl123/call-counts").json().get("GET /v2/orders/{id}").asInt())
        .isEqualTo(2);
    assertThat(control.post("/clock/advance", Map.of("seconds", 5)).status()).isEqualTo(409);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> result = new HashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      result.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return result;
  }
}
