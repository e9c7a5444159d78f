package io.bcsync.bigcommerce.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.config.AppCallbackConfig;
import io.bcsync.config.BigCommerceClientConfig;
import io.bcsync.config.BigCommerceConfig;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Exchanges an install's authorization code for the store's access token at {@code
 * {login-url}/oauth2/token} (BigCommerce's documented JSON body). The code, secret and token never
 * reach a log or an error message.
 */
@Singleton
public class OAuthTokenExchange {
  private final BigCommerceConfig config;
  private final Duration timeout;
  private final ObjectMapper mapper = new ObjectMapper();
  private final HttpClient http;

  public OAuthTokenExchange(
      BigCommerceConfig config, BigCommerceClientConfig clientConfig, AppCallbackConfig callbacks) {
    this.config = config;
    // The exchange runs before the auth callback is authenticated (the code is what proves it), on
    // the callbacks' small executor: it gets the callbacks' short timeout, not the API client's.
    this.timeout = min(callbacks.exchangeTimeout(), clientConfig.requestTimeout());
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(min(clientConfig.connectTimeout(), timeout))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** What BigCommerce granted. */
  public record Grant(String accessToken, String scope, String storeHash, String ownerEmail) {
    @Override
    public String toString() {
      return "Grant[store=" + storeHash + ", scope=" + scope + ", accessToken=****]";
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public Grant exchange(String code, String scope, String context, String redirectUri) {
    ObjectNode body =
        mapper
            .createObjectNode()
            .put("client_id", config.clientId())
            .put("client_secret", config.clientSecret())
            .put("code", code)
            .put("context", context)
            .put("scope", scope)
            .put("grant_type", "authorization_code")
            .put("redirect_uri", redirectUri);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(config.loginUrl().replaceAll("/+$", "") + "/oauth2/token"))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AppRequestRejected(
          HttpStatus.BAD_GATEWAY, "BigCommerce's token endpoint is unreachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AppRequestRejected(HttpStatus.SERVICE_UNAVAILABLE, "interrupted");
    }
    if (response.statusCode() >= 400 && response.statusCode() < 500) {
      throw new AppRequestRejected(
          HttpStatus.UNAUTHORIZED,
          "BigCommerce refused the authorization code (HTTP "
              + response.statusCode()
              + "); start the install again");
    }
    if (response.statusCode() != 200) {
      throw new AppRequestRejected(
          HttpStatus.BAD_GATEWAY,
          "BigCommerce's token endpoint answered HTTP " + response.statusCode());
    }
    try {
      JsonNode grant = mapper.readTree(response.body());
      String token = grant.path("access_token").asText("");
      String storeHash = StoreContext.hashOf(grant.path("context").asText("")).orElse("");
      if (token.isEmpty() || storeHash.isEmpty()) {
        throw new AppRequestRejected(
            HttpStatus.BAD_GATEWAY, "the token response lacks access_token or context");
      }
      return new Grant(
          token,
          grant.path("scope").asText(scope),
          storeHash,
          grant.path("owner").path("email").asText(null));
    } catch (IOException e) {
      throw new AppRequestRejected(HttpStatus.BAD_GATEWAY, "the token response is not JSON");
    }
  }
}
