package io.bcsync.bigcommerce.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.bcsync.config.AppCallbackConfig;
import io.bcsync.config.BigCommerceConfig;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Verifies what BigCommerce signs for the load, uninstall and remove_user callbacks: {@code
 * signed_payload_jwt} (HS256 keyed with the app's client secret, {@code aud} = client id, {@code
 * exp}/{@code nbf} checked, as BigCommerce's own client does), plus {@code iss} "bc", an {@code
 * iat} no older than {@code payload-max-age} and a {@code jti}. The JWT itself is parsed and its
 * signature checked by nimbus-jose-jwt; only the claim rules are ours.
 */
@Singleton
public class SignedPayloadVerifier {
  /** Accepted clock difference for exp/nbf. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  /** BigCommerce's documented {@code iss} (callbacks page, "Work with payload claims"). */
  static final String ISSUER = "bc";

  private static final Pattern JTI = Pattern.compile("[\\x21-\\x7e]{1,128}");

  private final BigCommerceConfig config;
  private final AppCallbackConfig callbacks;
  private final Clock clock;

  public SignedPayloadVerifier(BigCommerceConfig config, AppCallbackConfig callbacks, Clock clock) {
    this.config = config;
    this.callbacks = callbacks;
    this.clock = clock;
  }

  /**
   * Who opened the app: the store and the control-panel user; {@code jti} and {@code usableUntilMs}
   * (the latest moment this token could still verify) let {@link CallbackTokens} accept it once.
   */
  public record Caller(
      String storeHash,
      long userId,
      String userEmail,
      String ownerEmail,
      String jti,
      long usableUntilMs) {}

  /**
   * Verifies {@code signed_payload_jwt}; 401 when it is missing or does not verify. The legacy
   * {@code signed_payload} (BigCommerce replaced it in 2022) is not accepted: it has no audience,
   * expiry or token id, so a captured one could only be limited by its age.
   */
  public Caller verify(String signedPayloadJwt, boolean legacyPresent) {
    if (!config.hasClientSecret() || config.clientId() == null) {
      throw new AppRequestRejected(
          HttpStatus.SERVICE_UNAVAILABLE,
          "the app is not configured (bcsync.bigcommerce.client-id and client-secret)");
    }
    if (signedPayloadJwt != null && !signedPayloadJwt.isBlank()) {
      return verifyJwt(signedPayloadJwt.trim());
    }
    throw unauthorized(
        legacyPresent
            ? "the legacy signed_payload is not accepted; BigCommerce sends signed_payload_jwt"
            : "signed_payload_jwt is missing");
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
    // Load and uninstall tokens look alike: what tells a genuine callback from a replayed one is
    // the issuer, a fresh iat and a jti never seen before (CallbackTokens).
    if (!ISSUER.equals(claims.getIssuer())) {
      throw unauthorized("signed_payload_jwt is not issued by BigCommerce (iss)");
    }
    Date issued = claims.getIssueTime();
    if (issued == null) {
      throw unauthorized("signed_payload_jwt has no iat");
    }
    if (issued.getTime() > now.getTime() + CLOCK_SKEW.toMillis()) {
      throw unauthorized("signed_payload_jwt is issued in the future (iat)");
    }
    long usableUntil =
        Math.min(expires.getTime(), issued.getTime() + callbacks.payloadMaxAge().toMillis())
            + CLOCK_SKEW.toMillis();
    if (now.getTime() > usableUntil) {
      throw unauthorized(
          "signed_payload_jwt is older than "
              + AppCallbackConfig.PREFIX
              + ".payload-max-age ("
              + callbacks.payloadMaxAge()
              + ")");
    }
    String jti = claims.getJWTID();
    if (jti == null || !JTI.matcher(jti).matches()) {
      throw unauthorized("signed_payload_jwt has no jti of 1 to 128 visible ASCII characters");
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
        String.valueOf(owner.getOrDefault("email", "")),
        jti,
        usableUntil);
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
