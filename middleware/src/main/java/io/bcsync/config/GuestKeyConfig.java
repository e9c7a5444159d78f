package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Base64;

/**
 * The server-side secret guest keys are computed with ({@code guest:<HMAC of the e-mail>}), so a
 * key found in the database, a log line or the admin API cannot be turned back into the e-mail by
 * hashing a list of addresses. Its own secret, not one of the token-encryption keys: those rotate,
 * and a guest key must never change (it is stored in the identity map and in the household
 * Account's {@code BC_Account_Key__c}).
 *
 * @param secret base64, at least 32 bytes ({@code openssl rand -base64 32}); never rotated. Unset:
 *     the legacy unkeyed SHA-256 keys, refused in production
 */
@ConfigurationProperties(GuestKeyConfig.PREFIX)
public record GuestKeyConfig(@Nullable String secret) {
  public static final String PREFIX = "bcsync.sync.guest-keys";
  public static final int MIN_BYTES = 32;

  public GuestKeyConfig {
    if (secret != null && !secret.isBlank()) {
      decode(secret);
    }
  }

  public boolean configured() {
    return secret != null && !secret.isBlank();
  }

  /** The secret's bytes; only call when {@link #configured()}. */
  public byte[] secretBytes() {
    return decode(secret);
  }

  private static byte[] decode(String value) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(value.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          PREFIX + ".secret", "must be base64 (for example: openssl rand -base64 32)");
    }
    if (raw.length < MIN_BYTES) {
      throw new InvalidConfigurationException(
          PREFIX + ".secret", "must decode to at least " + MIN_BYTES + " bytes");
    }
    return raw;
  }

  @Override
  public String toString() {
    return "GuestKeyConfig[secret=" + Secrets.mask(secret) + "]";
  }
}
