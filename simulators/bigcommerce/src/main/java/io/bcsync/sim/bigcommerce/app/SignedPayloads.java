package io.bcsync.sim.bigcommerce.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * The signed_payload_jwt BigCommerce sends to load, uninstall and remove_user callbacks: HS256
 * keyed with the app's client secret, aud = client id, iss "bc", sub "stores/{hash}", valid for 24
 * hours, with the claims BigCommerce documents (iat, nbf, jti, user with locale, owner, url,
 * channel_id).
 */
public final class SignedPayloads {
  private SignedPayloads() {}

  /** A user of the store's control panel. */
  public record StoreUser(long id, String email) {}

  public static String create(
      AppRegistration app,
      String storeHash,
      StoreUser user,
      StoreUser owner,
      Instant now,
      String url) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .audience(app.clientId())
            .issuer("bc")
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofHours(24))))
            .jwtID(UUID.randomUUID().toString())
            .subject("stores/" + storeHash)
            .claim("user", Map.of("id", user.id(), "email", user.email(), "locale", "en-US"))
            .claim("owner", Map.of("id", owner.id(), "email", owner.email()))
            .claim("url", url)
            // null when opened from the Apps menu; nimbus drops null claims unless told not to
            .claim("channel_id", null)
            .serializeNullClaims(true)
            .build();
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(app.clientSecret().getBytes(StandardCharsets.UTF_8)));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalArgumentException(
          "cannot sign with this client secret (HS256 needs at least 32 bytes): " + e.getMessage(),
          e);
    }
  }
}
