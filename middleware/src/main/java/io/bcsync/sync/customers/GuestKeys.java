package io.bcsync.sync.customers;

import io.bcsync.config.BcsyncConfig;
import io.bcsync.config.GuestKeyConfig;
import io.bcsync.config.InvalidConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The id of a guest checkout ({@code guest:<id>}): the first 32 hex digits of an HMAC-SHA256 of the
 * trimmed, lower-cased e-mail under a server-side secret. Before that secret existed the id was an
 * unkeyed SHA-256, which anyone holding a list of addresses can reverse by hashing it; an HMAC
 * cannot be checked without the secret.
 *
 * <p>The MAC key is derived from the configured secret for this one use (HMAC of a fixed label, as
 * HKDF-Expand does), so the same secret could later key something else without the two outputs
 * being related.
 *
 * <p>Guests written before the secret was configured carry the legacy id in the identity map and in
 * their household Account key: {@link #legacyIdOf} gives it, so they are found under it and moved
 * to the new id instead of being created again (docs/sync-mapping.md, "Customers").
 */
public final class GuestKeys {
  /** No secret: ids are the legacy unkeyed hash (development, tests). */
  public static final GuestKeys LEGACY = new GuestKeys(null);

  private static final Logger LOG = LoggerFactory.getLogger(GuestKeys.class);
  private static final String LABEL = "bcsync guest key v1";
  private static final int HEX_DIGITS = 32;

  private final SecretKeySpec key;

  /**
   * @param secret the configured secret, or null for the legacy ids
   */
  public GuestKeys(byte[] secret) {
    this.key =
        secret == null
            ? null
            : new SecretKeySpec(hmac(new SecretKeySpec(secret, "HmacSHA256"), LABEL), "HmacSHA256");
  }

  /**
   * From configuration: the secret when set; legacy ids, with a warning, only outside production.
   */
  public static GuestKeys of(GuestKeyConfig config, BcsyncConfig service) {
    if (config.configured()) {
      return new GuestKeys(config.secretBytes());
    }
    if (service.isProduction()) {
      throw new InvalidConfigurationException(
          GuestKeyConfig.PREFIX + ".secret",
          "is required in production: without it guest keys are an unkeyed hash of the e-mail");
    }
    LOG.warn(
        "{}.secret is not set: guest keys are an unkeyed hash of the e-mail, which a list of"
            + " addresses reverses; set it before going to production",
        GuestKeyConfig.PREFIX);
    return LEGACY;
  }

  /** The id of the guest with this e-mail (already trimmed and lower-cased). */
  public String idOf(String email) {
    byte[] bytes = email.getBytes(StandardCharsets.UTF_8);
    return key == null ? legacy(bytes) : hex(hmac(key, bytes));
  }

  /** The id the same guest had before the secret was configured; empty while there is none. */
  public Optional<String> legacyIdOf(String email) {
    return key == null
        ? Optional.empty()
        : Optional.of(legacy(email.getBytes(StandardCharsets.UTF_8)));
  }

  private static String legacy(byte[] email) {
    try {
      return hex(MessageDigest.getInstance("SHA-256").digest(email));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static byte[] hmac(SecretKeySpec key, String text) {
    return hmac(key, text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }

  private static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest, 0, HEX_DIGITS / 2);
  }
}
