package io.bcsync.bigcommerce.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.config.AppCallbackConfig;
import io.bcsync.config.BigCommerceConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks BigCommerce whether the app is really gone from a store before an uninstall callback deletes
 * anything, with the store's stored token: {@code GET /v3/hooks}. A replayed or forged callback
 * finds the token working and the app's hooks still there.
 *
 * <p>Two signs of a genuine uninstall are accepted: the token refused with 401 (what the simulator
 * does, and what an uninstalled app's token must come to; that BigCommerce revokes it at once is
 * UNVERIFIED, its docs do not say), or the token still answering but the app's hooks gone, which
 * BigCommerce documents ("uninstalling an app ... deletes its hooks",
 * ../shared/reference/bigcommerce.md 3.1). A store whose hooks were never registered therefore
 * counts as uninstalled on a verified, fresh, unused callback: the hook check would have registered
 * them within minutes of the install.
 *
 * <p>{@code /v3/hooks} needs no scope beyond the default one, so a 403 for a missing scope cannot
 * be mistaken for anything, and it lists only this app's few hooks. The call goes around the rate
 * budget of {@code BigCommerceTransport} on purpose: one call per uninstall, and a callback must
 * not wait minutes for quota. The token never reaches a log or a message.
 */
@Singleton
public class UninstallConfirmation {
  /** What BigCommerce said about the token. */
  public enum Verdict {
    /** 401, or no hooks of the app left: the store really uninstalled the app. */
    UNINSTALLED,
    /** 2xx with the app's hooks listed: the store has not uninstalled the app. */
    STILL_INSTALLED,
    /** Anything else (5xx, 429, another 4xx, no answer in time): cannot tell yet. */
    UNKNOWN
  }

  private final BigCommerceConfig config;
  private final Duration timeout;
  private final HttpClient http;
  private final ObjectMapper mapper = new ObjectMapper();

  public UninstallConfirmation(BigCommerceConfig config, AppCallbackConfig callbacks) {
    this.config = config;
    this.timeout = callbacks.confirmTimeout();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public Verdict check(String storeHash, String accessToken) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    config.apiUrl().replaceAll("/+$", "") + "/stores/" + storeHash + "/v3/hooks"))
            .timeout(timeout)
            .header("X-Auth-Token", accessToken)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return Verdict.UNKNOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Verdict.UNKNOWN;
    }
    if (response.statusCode() == 401) {
      return Verdict.UNINSTALLED;
    }
    if (response.statusCode() != 200) {
      return Verdict.UNKNOWN;
    }
    try {
      JsonNode hooks = mapper.readTree(response.body()).path("data");
      if (!hooks.isArray()) {
        return Verdict.UNKNOWN;
      }
      return hooks.isEmpty() ? Verdict.UNINSTALLED : Verdict.STILL_INSTALLED;
    } catch (IOException e) {
      return Verdict.UNKNOWN;
    }
  }
}
