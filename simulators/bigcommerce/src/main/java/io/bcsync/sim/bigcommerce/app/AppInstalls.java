package io.bcsync.sim.bigcommerce.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.store.ApiCredential;
import io.bcsync.sim.bigcommerce.store.Store;
import io.bcsync.sim.bigcommerce.store.StoreRegistry;
import io.bcsync.sim.bigcommerce.store.StoreRuntime;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-click app installs: registered apps, one-time authorization codes, the token exchange, and
 * the browser-side callbacks (auth, load, uninstall, remove_user) the control panel would trigger.
 */
public final class AppInstalls {
  private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, AppRegistration> apps = new ConcurrentHashMap<>();
  private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
  private final StoreRegistry stores;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  public AppInstalls(StoreRegistry stores, Clock clock) {
    this.stores = stores;
    this.clock = clock;
  }

  public void register(AppRegistration app) {
    apps.put(app.clientId(), app);
  }

  public Optional<AppRegistration> app(String clientId) {
    return Optional.ofNullable(apps.get(clientId));
  }

  /** What the auth callback received; the HTTP status the app answered with. */
  public record InstallResult(String code, int callbackStatus) {}

  /** Issues a code and calls the app's auth callback with code, scope, context and account_uuid. */
  public InstallResult install(String storeHash, String clientId) {
    AppRegistration app = requireApp(clientId);
    runtime(storeHash);
    String code = randomToken(16);
    codes.put(code, new PendingCode(clientId, storeHash, clock.instant().plus(CODE_LIFETIME)));
    String url =
        app.authCallbackUrl()
            + (app.authCallbackUrl().contains("?") ? "&" : "?")
            + "code="
            + enc(code)
            + "&scope="
            + enc(app.scope())
            + "&context="
            + enc("stores/" + storeHash)
            + "&account_uuid="
            + enc("00000000-0000-4000-8000-000000000001");
    return new InstallResult(code, get(url));
  }

  /**
   * The token endpoint's work: exchange a code for a fresh access token. Old tokens of the app stop
   * working.
   */
  public ObjectNode exchange(
      String clientId, String clientSecret, String code, String context, String redirectUri) {
    AppRegistration app = apps.get(clientId);
    if (app == null || !app.clientSecret().equals(clientSecret)) {
      throw new OAuthException(401, "Invalid client id or client secret.");
    }
    PendingCode pending = code == null ? null : codes.remove(code);
    if (pending == null
        || !pending.clientId.equals(clientId)
        || clock.instant().isAfter(pending.expires)) {
      throw new OAuthException(400, "Invalid or expired authorization code.");
    }
    if (context != null && !context.equals("stores/" + pending.storeHash)) {
      throw new OAuthException(400, "The context does not match the authorization code.");
    }
    if (redirectUri != null
        && app.authCallbackUrl() != null
        && !redirectUri.equals(app.authCallbackUrl())) {
      throw new OAuthException(
          400, "The redirect_uri does not match the registered auth callback URL.");
    }
    Store store = runtime(pending.storeHash).store();
    String token = randomToken(16);
    store.revokeCredentialsOf(clientId);
    store.addCredential(new ApiCredential(token, clientId, app.clientSecret(), app.scope()));
    ObjectNode body = Json.object();
    body.put("access_token", token);
    body.put("scope", app.scope());
    body.putObject("user")
        .put("id", 1)
        .put("username", "owner@" + store.hash() + ".example")
        .put("email", "owner@" + store.hash() + ".example");
    body.putObject("owner")
        .put("id", 1)
        .put("username", "owner@" + store.hash() + ".example")
        .put("email", "owner@" + store.hash() + ".example");
    body.put("context", "stores/" + store.hash());
    body.put("account_uuid", "00000000-0000-4000-8000-000000000001");
    return body;
  }

  public int load(String storeHash, String clientId, SignedPayloads.StoreUser user) {
    AppRegistration app = requireApp(clientId);
    return callWithJwt(app.loadCallbackUrl(), app, storeHash, user);
  }

  /**
   * Uninstalls: the app's hooks are deleted and its token stops working, then the uninstall
   * callback fires.
   */
  public int uninstall(String storeHash, String clientId) {
    AppRegistration app = requireApp(clientId);
    Store store = runtime(storeHash).store();
    synchronized (store) {
      store.hooks.values().removeIf(h -> h.clientId.equals(clientId));
      store.revokeCredentialsOf(clientId);
    }
    return callWithJwt(app.uninstallCallbackUrl(), app, storeHash, owner(storeHash));
  }

  public int removeUser(String storeHash, String clientId, SignedPayloads.StoreUser user) {
    AppRegistration app = requireApp(clientId);
    return callWithJwt(app.removeUserCallbackUrl(), app, storeHash, user);
  }

  public static SignedPayloads.StoreUser owner(String storeHash) {
    return new SignedPayloads.StoreUser(1, "owner@" + storeHash + ".example");
  }

  private int callWithJwt(
      String url, AppRegistration app, String storeHash, SignedPayloads.StoreUser user) {
    if (url == null) {
      return 0;
    }
    String jwt =
        SignedPayloads.create(app, storeHash, user, owner(storeHash), clock.instant(), "/");
    return get(url + (url.contains("?") ? "&" : "?") + "signed_payload_jwt=" + enc(jwt));
  }

  private int get(String url) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private AppRegistration requireApp(String clientId) {
    AppRegistration app = apps.get(clientId);
    if (app == null) {
      throw new IllegalArgumentException("unknown app client id: " + clientId);
    }
    return app;
  }

  private StoreRuntime runtime(String storeHash) {
    return stores
        .find(storeHash)
        .orElseThrow(() -> new IllegalArgumentException("unknown store: " + storeHash));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String randomToken(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private record PendingCode(String clientId, String storeHash, java.time.Instant expires) {}

  /** A token-endpoint failure with its HTTP status. */
  public static final class OAuthException extends RuntimeException {
    private final int status;

    OAuthException(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
