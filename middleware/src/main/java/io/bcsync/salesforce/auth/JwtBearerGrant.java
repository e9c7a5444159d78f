package io.bcsync.salesforce.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/**
 * OAuth 2.0 JWT bearer flow: an RS256 assertion (iss = consumer key, sub = username, aud = login
 * host) signed with the connected app's private key. No refresh token is issued; renewal mints a
 * new assertion.
 */
public class JwtBearerGrant implements TokenGrant {
  /** Salesforce accepts assertions that expire within 3 minutes. */
  private static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(3);

  private final OAuthTokenEndpoint endpoint;
  private final String clientId;
  private final String username;
  private final String audience;
  private final PrivateKey key;
  private final Clock clock;

  public JwtBearerGrant(
      OAuthTokenEndpoint endpoint,
      String loginUrl,
      String clientId,
      String username,
      Path privateKeyFile,
      Clock clock) {
    this.endpoint = endpoint;
    this.clientId = clientId;
    this.username = username;
    this.audience = OAuthTokenEndpoint.stripSlash(loginUrl);
    this.key = readPkcs8(privateKeyFile);
    this.clock = clock;
  }

  @Override
  public SalesforceToken obtain() {
    return endpoint
        .request(
            Map.of(
                "grant_type",
                "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion",
                assertion()))
        .token();
  }

  @Override
  public String name() {
    return "jwt";
  }

  String assertion() {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(username)
            .audience(audience)
            // Salesforce checks exp against its own clock: the wall clock, not a test's simulated
            // one.
            .expirationTime(Date.from(clock.instant().plus(ASSERTION_LIFETIME)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new SalesforceAuthException(
          "Could not sign the JWT bearer assertion: " + e.getMessage(), false, e);
    }
    return jwt.serialize();
  }

  /**
   * Reads an unencrypted PKCS#8 PEM key ({@code openssl pkcs8 -topk8 -nocrypt} converts other
   * formats).
   */
  static PrivateKey readPkcs8(Path file) {
    try {
      String pem = Files.readString(file);
      if (!pem.contains("BEGIN PRIVATE KEY")) {
        throw new SalesforceAuthException(
            "Private key file "
                + file
                + " is not an unencrypted PKCS#8 PEM key"
                + " (convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem)",
            false,
            null);
      }
      String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IOException e) {
      throw new SalesforceAuthException(
          "Cannot read private key file " + file + ": " + e.getMessage(), false, e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SalesforceAuthException(
          "Private key file " + file + " does not hold an RSA key", false, e);
    }
  }
}
