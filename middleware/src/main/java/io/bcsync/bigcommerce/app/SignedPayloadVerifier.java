package io.bcsync.bigcommerce.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.bcsync.config.BigCommerceConfig;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies what BigCommerce signs for the load, uninstall and remove_user callbacks: {@code
 * signed_payload_jwt} (HS256 keyed with the app's client secret, {@code aud} = client id, {@code
 * exp}/{@code nbf} checked, as BigCommerce's own client does) and the legacy {@code signed_payload}
 * ({@code base64(json).base64(hex(HMAC-SHA256))}). The JWT itself is parsed and its signature
 * checked by nimbus-jose-jwt; only the claim rules are ours.
 */
@Singleton
public class SignedPayloadVerifier {
  /** Accepted clock difference for exp/nbf. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  /** The legacy payload has no expiry; refuse ones older than the JWT's lifetime. */
  static final Duration LEGACY_MAX_AGE = Duration.ofHours(24);

  private final BigCommerceConfig config;
  private final Clock clock;
  private final ObjectMapper mapper = new ObjectMapper();

  public SignedPayloadVerifier(BigCommerceConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Who opened the app: the store and the control-panel user. */
  public record Caller(String storeHash, long userId, String userEmail, String ownerEmail) {}

  /** Verifies whichever of the two parameters is present; 401 when neither verifies. */
  public Caller verify(String signedPayloadJwt, String signedPayload) {
    if (!config.hasClientSecret() || config.clientId() == null) {
      throw new AppRequestRejected(
          HttpStatus.SERVICE_UNAVAILABLE,
          "the app is not configured (bcsync.bigcommerce.client-id and client-secret)");
    }
    if (signedPayloadJwt != null && !signedPayloadJwt.isBlank()) {
      return verifyJwt(signedPayloadJwt.trim());
    }
    if (signedPayload != null && !signedPayload.isBlank()) {
      return verifyLegacy(signedPayload.trim());
    }
    throw unauthorized("signed_payload_jwt is missing");
  }

  private Caller verifyJwt(String token) {
    JWTClaimsSet claims;
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
        throw unauthorized("signed_payload_jwt is not HS256");
      }
      if (!jwt.verify(new MACVerifier(config.clientSecret().getBytes(StandardCharsets.UTF_8)))) {
        throw unauthorized("signed_payload_jwt signature does not match");
      }
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw unauthorized("signed_payload_jwt is not a JWT");
    } catch (JOSEException e) {
      throw unauthorized("signed_payload_jwt cannot be verified with the configured client secret");
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(config.clientId())) {
      throw unauthorized("signed_payload_jwt is for another app (aud)");
    }
    Date now = new Date(clock.millis());
    Date expires = claims.getExpirationTime();
    if (expires == null || now.getTime() > expires.getTime() + CLOCK_SKEW.toMillis()) {
      throw unauthorized("signed_payload_jwt has expired");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now.getTime() < notBefore.getTime() - CLOCK_SKEW.toMillis()) {
      throw unauthorized("signed_payload_jwt is not valid yet");
    }
    String storeHash =
        StoreContext.hashOf(claims.getSubject())
            .orElseThrow(() -> unauthorized("signed_payload_jwt has no stores/{hash} subject"));
    Map<String, Object> user = objectClaim(claims, "user");
    Map<String, Object> owner = objectClaim(claims, "owner");
    return new Caller(
        storeHash,
        user.get("id") instanceof Number id ? id.longValue() : 0,
        String.valueOf(user.getOrDefault("email", "")),
        String.valueOf(owner.getOrDefault("email", "")));
  }

  private Caller verifyLegacy(String payload) {
    String[] parts = payload.split("\\.", 2);
    if (parts.length != 2) {
      throw unauthorized("signed_payload is malformed");
    }
    byte[] json;
    byte[] presented;
    try {
      json = Base64.getDecoder().decode(parts[0]);
      presented = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw unauthorized("signed_payload is not base64");
    }
    byte[] expected = hmacHex(json).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, presented)) {
      throw unauthorized("signed_payload signature does not match");
    }
    JsonNode data;
    try {
      data = mapper.readTree(json);
    } catch (IOException e) {
      throw unauthorized("signed_payload is not JSON");
    }
    double timestamp = data.path("timestamp").asDouble(0);
    long ageMs = clock.millis() - (long) (timestamp * 1000);
    if (timestamp <= 0 || ageMs > LEGACY_MAX_AGE.toMillis() || ageMs < -CLOCK_SKEW.toMillis()) {
      throw unauthorized("signed_payload is too old or from the future");
    }
    String storeHash =
        StoreContext.hashOf(data.path("context").asText(""))
            .or(() -> StoreContext.validHash(data.path("store_hash").asText("")))
            .orElseThrow(() -> unauthorized("signed_payload names no store"));
    return new Caller(
        storeHash,
        data.path("user").path("id").asLong(),
        data.path("user").path("email").asText(""),
        data.path("owner").path("email").asText(""));
  }

  private String hmacHex(byte[] json) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(config.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(json));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> objectClaim(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static AppRequestRejected unauthorized(String reason) {
    return new AppRequestRejected(HttpStatus.UNAUTHORIZED, reason);
  }
}
