package io.bcsync.bigcommerce.app;

import io.bcsync.config.BigCommerceConfig;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The app page's credential for its refreshes. The console's session cookie is {@code
 * SameSite=Strict}, so the browser does not send it inside BigCommerce's control panel (a
 * cross-site iframe); instead a verified {@code /bc/load} mints this token and hands it to the
 * page's script, which sends it as a bearer header to {@code /bc/api/stores/{store}/overview}.
 *
 * <p>It is {@code v1.<store>.<expires, epoch seconds>.<HMAC-SHA256>}: it names one store, reads
 * only that store's overview (the only endpoint that accepts it), and expires {@link #LIFETIME}
 * after the load. The HMAC key is derived from the app's client secret, so every instance of a
 * cluster verifies what another minted, and rotating the secret ends every token. It carries no
 * BigCommerce credential and nothing of the signed payload.
 */
@Singleton
public class AppPageTokens {
  /** How long an app page keeps refreshing; then the merchant opens the app again. */
  public static final Duration LIFETIME = Duration.ofHours(1);

  private static final String VERSION = "v1";
  private static final Pattern TOKEN =
      Pattern.compile("v1\\.([a-z0-9]{1,32})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");

  /** Keys this purpose's HMAC apart from every other use of the client secret. */
  private static final byte[] PURPOSE =
      "bcsync app page overview token".getBytes(StandardCharsets.UTF_8);

  private final BigCommerceConfig config;
  private final Clock clock;

  public AppPageTokens(BigCommerceConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** What a presented token allows for the store the request names. */
  public enum Access {
    /** A token this app minted for that store, not yet expired. */
    GRANTED,
    /** Missing, malformed, not signed by this app, or expired: 401. */
    INVALID,
    /** A valid token for another store: 403. */
    OTHER_STORE
  }

  /** A token for {@code storeHash}, valid for {@link #LIFETIME} from now. */
  public String mint(String storeHash) {
    return mintAt(storeHash, clock.millis());
  }

  /** A token as {@link #mint} would have made it at {@code issuedAtMs} (tests: expired ones). */
  String mintAt(String storeHash, long issuedAtMs) {
    if (StoreContext.hashOf("stores/" + storeHash).isEmpty()) {
      throw new IllegalArgumentException("not a store hash");
    }
    long expires = (issuedAtMs + LIFETIME.toMillis()) / 1000;
    String claims = VERSION + "." + storeHash + "." + expires;
    return claims + "." + mac(claims);
  }

  public Access check(String token, String storeHash) {
    if (token == null || !config.hasClientSecret()) {
      return Access.INVALID;
    }
    var matcher = TOKEN.matcher(token);
    if (!matcher.matches()) {
      return Access.INVALID;
    }
    String claims = VERSION + "." + matcher.group(1) + "." + matcher.group(2);
    byte[] expected = mac(claims).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, matcher.group(3).getBytes(StandardCharsets.US_ASCII))) {
      return Access.INVALID;
    }
    if (clock.millis() >= Long.parseLong(matcher.group(2)) * 1000) {
      return Access.INVALID;
    }
    return matcher.group(1).equals(storeHash) ? Access.GRANTED : Access.OTHER_STORE;
  }

  private String mac(String claims) {
    try {
      Mac derive = Mac.getInstance("HmacSHA256");
      derive.init(
          new SecretKeySpec(config.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] key = derive.doFinal(PURPOSE);
      Mac sign = Mac.getInstance("HmacSHA256");
      sign.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(sign.doFinal(claims.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
