package io.bcsync.bigcommerce.app;

import static io.bcsync.bigcommerce.app.SimulatedAppInstall.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.bcsync.bigcommerce.stores.InstalledStores;
import io.bcsync.db.Db;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 16 item 2: a signed_payload_jwt is accepted once, only from BigCommerce ({@code iss}), only
 * fresh ({@code iat}), and an uninstall callback deletes nothing until BigCommerce confirms the app
 * is gone. Against the simulated store, H2 (the MariaDB subclass runs the same cases there).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppCallbackReplayTest implements TestPropertyProvider {
  static final String CLIENT_ID = "bcsync-replay-app";
  static final String CLIENT_SECRET = "replay-client-secret-0123456789abcdef0123456789";

  @Inject InstalledStores installed;
  @Inject CallbackTokens tokens;
  @Inject MutableClock clock;
  @Inject Db db;

  SimulatedAppInstall bc;

  @Override
  public Map<String, String> getProperties() {
    bc = SimulatedAppInstall.start(CLIENT_ID, CLIENT_SECRET, "store_v2_orders_read_only");
    Map<String, String> properties = bc.properties(databaseProperties());
    properties.put("bcsync.pipeline.workers-enabled", "false");
    properties.put("bcsync.staging.allowed-stores", "rp1,rp2,rp3,rp4,rp5,rp6,rp7");
    properties.put("test.mutable-clock", "true");
    return properties;
  }

  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @AfterAll
  void stopSimulator() {
    bc.close();
  }

  @BeforeEach
  void realTime() {
    clock.set(System.currentTimeMillis());
  }

  @Test
  void a_load_token_replayed_against_uninstall_is_refused_and_the_store_keeps_its_secrets()
      throws Exception {
    bc.install("rp1");
    String load = bc.signedLoad("rp1", now());

    assertThat(bc.get("/bc/load?signed_payload_jwt=" + enc(load)).statusCode()).isEqualTo(200);
    HttpResponse<String> replay = bc.get("/bc/uninstall?signed_payload_jwt=" + enc(load));
    HttpResponse<String> reload = bc.get("/bc/load?signed_payload_jwt=" + enc(load));

    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("used before");
    assertThat(reload.statusCode()).isEqualTo(401);
    assertStillInstalled("rp1");
  }

  @Test
  void the_store_page_may_be_framed_only_by_the_control_panel_and_leaks_no_referrer()
      throws Exception {
    bc.install("rp6");
    String load = bc.signedLoad("rp6", now());

    HttpResponse<String> page = bc.get("/bc/load?signed_payload_jwt=" + enc(load));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .contains(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " connect-src 'self'; base-uri 'none'; form-action 'none';"
                + " frame-ancestors https://*.bigcommerce.com https://store-rp6.mybigcommerce.com");
    assertThat(page.body()).doesNotContain("<style", "style=\"", "<script>");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void an_unused_token_cannot_uninstall_a_store_that_bigcommerce_says_still_has_the_app()
      throws Exception {
    bc.install("rp2");
    String fresh = bc.signedLoad("rp2", now());

    HttpResponse<String> response = bc.get("/bc/uninstall?signed_payload_jwt=" + enc(fresh));

    assertThat(response.statusCode()).isEqualTo(409);
    assertStillInstalled("rp2");
  }

  @Test
  void a_genuine_uninstall_deletes_the_secrets_once_bigcommerce_refuses_the_token() {
    bc.install("rp3");

    assertThat(bc.sim().uninstallApp("rp3", CLIENT_ID)).isEqualTo(200);

    InstalledStores.InstalledStore gone = installed.find("rp3").orElseThrow();
    assertThat(gone.installed()).isFalse();
    assertThat(gone.accessToken()).isEmpty();
    assertThat(gone.webhookSecret()).isEmpty();
  }

  @Test
  void when_bigcommerce_cannot_confirm_nothing_is_deleted_and_the_same_callback_may_come_again()
      throws Exception {
    SimulatedStore store = bc.install("rp4");
    String token = installed.find("rp4").orElseThrow().accessToken().orElseThrow();
    // BigCommerce's API fails once (the simulator checks the token before faults, so the token
    // is revoked only after this call, as BigCommerce would do it at its own pace).
    store.injectFault(Fault.status(500, 1).on("GET", "/v3/hooks"));
    String callback = bc.signedLoad("rp4", now());

    HttpResponse<String> first = bc.get("/bc/uninstall?signed_payload_jwt=" + enc(callback));

    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.headers().firstValue("Retry-After")).isPresent();
    assertThat(first.body()).doesNotContain(token);
    assertStillInstalled("rp4");

    store.read(
        s -> {
          s.revokeCredentialsOf(CLIENT_ID);
          return null;
        });
    HttpResponse<String> retry = bc.get("/bc/uninstall?signed_payload_jwt=" + enc(callback));

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(installed.find("rp4").orElseThrow().installed()).isFalse();
  }

  @Test
  void tokens_not_issued_by_bigcommerce_without_jti_or_too_old_are_401() throws Exception {
    bc.install("rp5");
    Map<String, Consumer<JWTClaimsSet.Builder>> bad =
        Map.of(
            "other issuer", claims -> claims.issuer("someone-else"),
            "no issuer", claims -> claims.issuer(null),
            "no jti", claims -> claims.jwtID(null),
            "no iat", claims -> claims.issueTime(null),
            "iat 12 minutes ago (exp still a day ahead)",
                claims ->
                    claims
                        .issueTime(Date.from(now().minus(Duration.ofMinutes(12))))
                        .notBeforeTime(Date.from(now().minus(Duration.ofMinutes(12)))),
            "iat in the future", claims -> claims.issueTime(Date.from(now().plusSeconds(600))));
    for (Map.Entry<String, Consumer<JWTClaimsSet.Builder>> variant : bad.entrySet()) {
      String jwt = jwt("rp5", variant.getValue());
      assertThat(bc.get("/bc/load?signed_payload_jwt=" + enc(jwt)).statusCode())
          .as(variant.getKey())
          .isEqualTo(401);
      assertThat(bc.get("/bc/uninstall?signed_payload_jwt=" + enc(jwt)).statusCode())
          .as(variant.getKey())
          .isEqualTo(401);
    }
    // The same builder with BigCommerce's claims is accepted: the refusals are about the claims.
    assertThat(bc.get("/bc/load?signed_payload_jwt=" + enc(jwt("rp5", claims -> {}))).statusCode())
        .isEqualTo(200);
    assertStillInstalled("rp5");
  }

  @Test
  void used_tokens_are_forgotten_only_once_they_could_no_longer_verify() throws Exception {
    bc.install("rp7");
    String load = bc.signedLoad("rp7", now());
    assertThat(bc.get("/bc/load?signed_payload_jwt=" + enc(load)).statusCode()).isEqualTo(200);
    long stored = Tables.count(db, "bc_callback_token");

    assertThat(tokens.deleteExpired()).isZero();
    clock.advance(Duration.ofMinutes(12));
    assertThat(tokens.deleteExpired()).isGreaterThanOrEqualTo(1);

    assertThat(Tables.count(db, "bc_callback_token")).isLessThan(stored);
    // The forgotten token is refused anyway now: it is older than payload-max-age.
    assertThat(bc.get("/bc/load?signed_payload_jwt=" + enc(load)).statusCode()).isEqualTo(401);
  }

  private void assertStillInstalled(String hash) {
    InstalledStores.InstalledStore store = installed.find(hash).orElseThrow();
    assertThat(store.installed()).isTrue();
    assertThat(store.accessToken()).isPresent();
    assertThat(store.webhookSecret()).isPresent();
  }

  private String jwt(String hash, Consumer<JWTClaimsSet.Builder> change) throws Exception {
    Instant now = now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .audience(CLIENT_ID)
            .issuer("bc")
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofHours(24))))
            .jwtID(UUID.randomUUID().toString())
            .subject("stores/" + hash)
            .claim("user", Map.of("id", 1, "email", "owner@" + hash + ".example"))
            .claim("owner", Map.of("id", 1, "email", "owner@" + hash + ".example"));
    change.accept(claims);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    jwt.sign(new MACSigner(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }
}
