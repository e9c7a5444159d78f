package io.bcsync.sim.salesforce.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.bcsync.sim.salesforce.auth.ConnectedApp;
import java.text.ParseException;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks an OAuth 2.0 JWT-bearer assertion as Salesforce does: RS256 signed with the Connected
 * App's certificate, iss = consumer key, aud = the login host, exp in the future, sub = an existing
 * username.
 */
final class JwtBearerVerifier {
  private final Collection<ConnectedApp> apps;
  private final java.util.function.Supplier<Set<String>> audiences;

  /**
   * Wall-clock time: clients mint assertions with their own clock, which the simulated clock does
   * not move.
   */
  private final Clock wallClock;

  JwtBearerVerifier(
      Collection<ConnectedApp> apps,
      java.util.function.Supplier<Set<String>> audiences,
      Clock wallClock) {
    this.apps = apps;
    this.audiences = audiences;
    this.wallClock = wallClock;
  }

  /** Verified claims; throws OAuthError with Salesforce's error codes otherwise. */
  JWTClaimsSet verify(String assertion) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(assertion == null ? "" : assertion);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw OAuthError.invalidGrant("invalid assertion");
    }
    ConnectedApp app =
        apps.stream()
            .filter(a -> a.clientId().equals(claims.getIssuer()))
            .findFirst()
            .orElseThrow(() -> new OAuthError("invalid_client_id", "client identifier invalid"));
    if (app.jwtPublicKey() == null || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      throw OAuthError.invalidGrant("invalid assertion");
    }
    try {
      if (!jwt.verify(new RSASSAVerifier(app.jwtPublicKey()))) {
        throw OAuthError.invalidGrant("invalid assertion");
      }
    } catch (JOSEException e) {
      throw OAuthError.invalidGrant("invalid assertion");
    }
    List<String> audience = claims.getAudience();
    if (audience == null
        || audience.stream().noneMatch(a -> audiences.get().contains(stripSlash(a)))) {
      throw OAuthError.invalidGrant("audience is invalid");
    }
    Date expires = claims.getExpirationTime();
    if (expires == null || !expires.toInstant().isAfter(wallClock.instant())) {
      throw OAuthError.invalidGrant("expired authorization code");
    }
    return claims;
  }

  static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
