package io.bcsync.security;

import io.bcsync.config.InvalidConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest (store tokens and hook secrets, the Salesforce refresh token) with
 * AES-GCM. Ciphertexts name the key that made them ({@code v1:<key id>:<base64 of iv + ciphertext +
 * tag>}, key id = first 8 bytes of SHA-256 of the key), so a rotation can add a new current key
 * while the previous keys still decrypt; {@link #needsReencryption} tells the store table which
 * rows to rewrite. The associated data binds each ciphertext to its store and column, so a value
 * copied into another row does not decrypt.
 *
 * <p>A rotation has three steps (docs/security.md): the new key is first deployed everywhere as the
 * <em>next</em> key (decrypts, never encrypts, and rows sealed with it are left alone), so an
 * instance still on the old current key can read what an instance already on the new key writes;
 * then it becomes the current key with the old one as a <em>previous</em> key (rows are re-sealed
 * away from previous keys); then the old key is dropped.
 *
 * <p>One class for every secret bcsync stores, so there is one format and one rotation story; each
 * concern configures its own keys ({@code bcsync.bigcommerce.app.token-encryption-key}, {@code
 * bcsync.salesforce.token-encryption-key}) and gets its own instance.
 */
public class TokenCipher {
  private static final String PREFIX = "v1";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, SecretKey> keys = new LinkedHashMap<>();
  private final Set<String> nextKeyIds = new HashSet<>();
  private final String currentKeyId;
  private final String currentKeyProperty;

  /**
   * @param currentKey base64 AES key that encrypts, or null/blank when none is configured (then
   *     only {@link #isConfigured()} is false and {@link #encrypt} refuses)
   * @param currentKeyProperty its configuration key, for error messages
   * @param previousKeys keys still accepted for decryption during a rotation
   * @param previousProperty their configuration key, for error messages
   */
  public TokenCipher(
      String currentKey,
      String currentKeyProperty,
      List<String> previousKeys,
      String previousProperty) {
    this(currentKey, currentKeyProperty, previousKeys, previousProperty, null, "-");
  }

  /**
   * As above, plus a key that is about to become current (step 1 of a rotation).
   *
   * @param nextKey base64 AES key accepted for decryption only, or null/blank; values sealed with
   *     it are never re-sealed under the current key
   * @param nextKeyProperty its configuration key, for error messages
   */
  public TokenCipher(
      String currentKey,
      String currentKeyProperty,
      List<String> previousKeys,
      String previousProperty,
      String nextKey,
      String nextKeyProperty) {
    this.currentKeyProperty = currentKeyProperty;
    if (currentKey == null || currentKey.isBlank()) {
      currentKeyId = null;
    } else {
      currentKeyId = add(currentKey, currentKeyProperty);
    }
    for (int i = 0; i < previousKeys.size(); i++) {
      add(previousKeys.get(i), previousProperty + "[" + i + "]");
    }
    if (nextKey != null && !nextKey.isBlank()) {
      String id = add(nextKey, nextKeyProperty);
      if (!id.equals(currentKeyId)) {
        nextKeyIds.add(id);
      }
    }
  }

  public boolean isConfigured() {
    return currentKeyId != null;
  }

  public String encrypt(String plain, String context) {
    if (currentKeyId == null) {
      throw new IllegalStateException(currentKeyProperty + " is not configured");
    }
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return PREFIX + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /**
   * The plain text, or empty when no configured key made this ciphertext or it was tampered with.
   */
  public Optional<String> decrypt(String sealed, String context) {
    String[] parts = sealed == null ? new String[0] : sealed.split(":", 3);
    if (parts.length != 3 || !PREFIX.equals(parts[0]) || !keys.containsKey(parts[1])) {
      return Optional.empty();
    }
    try {
      byte[] in = Base64.getDecoder().decode(parts[2]);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, keys.get(parts[1]), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * True when the value was sealed with a key other than the current one and should be rewritten
   * with it. A value sealed with the next key is left alone: an instance not yet on the new key
   * must not move rows back to the old one while the rotation is rolled out.
   */
  public boolean needsReencryption(String sealed) {
    String[] parts = sealed == null ? new String[0] : sealed.split(":", 3);
    return currentKeyId != null
        && parts.length == 3
        && !currentKeyId.equals(parts[1])
        && !nextKeyIds.contains(parts[1]);
  }

  private String add(String base64Key, String property) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64Key.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          property, "must be base64 (for example: openssl rand -base64 32)");
    }
    if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
      throw new InvalidConfigurationException(
          property, "must decode to 16, 24 or 32 bytes (AES key)");
    }
    String id = keyId(raw);
    keys.put(id, new SecretKeySpec(raw, "AES"));
    return id;
  }

  private static String keyId(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
