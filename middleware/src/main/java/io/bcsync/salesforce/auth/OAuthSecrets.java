package io.bcsync.salesforce.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The random values of "Connect Salesforce" and what is stored of them. Tickets, states and PKCE
 * verifiers are 32 random bytes, base64url without padding (43 characters, within PKCE's 43-128
 * unreserved characters, RFC 7636 section 4.1). Only hashes reach the database.
 */
final class OAuthSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private OAuthSecrets() {}

  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return URL.encodeToString(bytes);
  }

  /** The storage key of a ticket or state: SHA-256, hex. */
  static String hash(String secret) {
    return HexFormat.of().formatHex(sha256(secret));
  }

  /** PKCE S256: base64url(SHA-256(ASCII(verifier))), RFC 7636 section 4.2. */
  static String challenge(String verifier) {
    return URL.encodeToString(sha256(verifier));
  }

  /** Constant time, so a guessed cookie learns nothing from how long the comparison took. */
  static boolean sameText(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  /** What a well-formed ticket, state or verifier looks like; anything else is refused unread. */
  static boolean wellFormed(String value) {
    return value != null && value.matches("[A-Za-z0-9_-]{43}");
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
