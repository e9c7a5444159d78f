package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.sim.bigcommerce.app.AppRegistration;
import io.bcsync.sim.bigcommerce.app.SignedPayloads;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The claims of the signed_payload_jwt on the load callback are the ones BigCommerce documents: aud
 * (client id), iss "bc", iat, nbf, exp (24 h later), jti, sub "stores/{hash}", user {id, email,
 * locale}, owner {id, email}, url and channel_id (null when the app is opened from the Apps menu).
 * Source: BigCommerce docs, "Single-click app callback handlers", Work with payload claims
 * (developer.bigcommerce.com/docs/integrations/apps/guide/callbacks; bigcommerce/docs
 * docs/integrations/apps/guide/callbacks.mdx), summarised in ../shared/reference/bigcommerce.md
 * 4.3.
 */
class LoadJwtClaimsTest {
  private static final String CLIENT_ID = "claims-client-id";
  private static final String SECRET = "claims-client-secret-0123456789abcdef";

  @Test
  void the_load_jwt_carries_every_documented_claim_including_a_null_channel_id() throws Exception {
    try (BigCommerceSimulator sim =
            BigCommerceSimulator.start(BigCommerceSimulator.Options.defaults());
        CallbackReceiver app = new CallbackReceiver()) {
      sim.registerApp(
          new AppRegistration(
              CLIENT_ID,
              SECRET,
              app.url("/auth"),
              app.url("/load"),
              null,
              null,
              "store_v2_orders"));
      sim.createStore(BigCommerceSimulator.StoreSpec.named("claims1"));

      sim.loadApp("claims1", CLIENT_ID, new SignedPayloads.StoreUser(7, "staff@example.com"));

      JsonNode claims = payload(app.received.get(0).query());
      assertThat(claims.fieldNames())
          .toIterable()
          .containsExactlyInAnyOrder(
              "aud",
              "iss",
              "iat",
              "nbf",
              "exp",
              "jti",
              "sub",
              "user",
              "owner",
              "url",
              "channel_id");
      assertThat(claims.get("aud").asText()).isEqualTo(CLIENT_ID);
      assertThat(claims.get("iss").asText()).isEqualTo("bc");
      assertThat(claims.get("sub").asText()).isEqualTo("stores/claims1");
      assertThat(claims.get("nbf").asLong()).isEqualTo(claims.get("iat").asLong());
      assertThat(claims.get("exp").asLong()).isEqualTo(claims.get("iat").asLong() + 86_400);
      assertThat(claims.get("jti").asText()).hasSize(36);
      assertThat(claims.get("user").get("id").asLong()).isEqualTo(7);
      assertThat(claims.get("user").get("email").asText()).isEqualTo("staff@example.com");
      assertThat(claims.get("user").get("locale").asText()).isEqualTo("en-US");
      assertThat(claims.get("owner").get("email").asText()).isEqualTo("owner@claims1.example");
      assertThat(claims.get("url").asText()).isEqualTo("/");
      assertThat(claims.get("channel_id").isNull()).isTrue();
    }
  }

  private static JsonNode payload(String query) throws Exception {
    String jwt = null;
    for (String pair : query.split("&")) {
      if (pair.startsWith("signed_payload_jwt=")) {
        jwt = URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
      }
    }
    byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
    return new ObjectMapper().readTree(json);
  }
}
