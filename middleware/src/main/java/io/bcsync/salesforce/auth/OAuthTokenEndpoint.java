package io.bcsync.salesforce.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.http.LogSafe;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code POST <login-url>/services/oauth2/token}. Parses the token response; errors carry
 * Salesforce's {@code error}/{@code error_description} only, because the request holds secrets, and
 * only as short visible ASCII, because whatever answers at the login URL chooses that text and it
 * is logged. The instance URL must pass {@link InstanceUrls}.
 */
public class OAuthTokenEndpoint {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final int MAX_ERROR_TEXT = 200;

  private final String loginUrl;
  private final URI tokenUri;
  private final HttpClient http;
  private final Duration timeout;

  public OAuthTokenEndpoint(String loginUrl, Duration timeout) {
    this.loginUrl = loginUrl;
    this.tokenUri = URI.create(stripSlash(loginUrl) + "/services/oauth2/token");
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** The parsed response; {@code refresh_token} is present only for grants that issue one. */
  public record TokenResponse(SalesforceToken token, String refreshToken) {
    @Override
    public String toString() {
      return "TokenResponse["
          + token
          + ", refreshToken="
          + (refreshToken == null ? "<none>" : "****")
          + "]";
    }
  }

  public TokenResponse request(Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(tokenUri)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      // The exception's class, not its text: that may quote what the other side sent.
      throw new SalesforceAuthException(
          "Salesforce token endpoint " + tokenUri + " unreachable: " + e.getClass().getSimpleName(),
          true,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SalesforceAuthException("Interrupted while requesting a Salesforce token", true, e);
    }
    JsonNode json = parse(response.body());
    if (response.statusCode() != 200
        || !json.hasNonNull("access_token")
        || !json.hasNonNull("instance_url")) {
      String error =
          LogSafe.printable(
              json.path("error").asText("http_" + response.statusCode()), MAX_ERROR_TEXT);
      String description =
          LogSafe.printable(json.path("error_description").asText(""), MAX_ERROR_TEXT);
      // 5xx is Salesforce's problem and passes; 4xx (invalid_grant, invalid_client...) needs a
      // person.
      throw new SalesforceAuthException(
          "Salesforce refused the "
              + form.get("grant_type")
              + " grant: "
              + error
              + (description.isEmpty() ? "" : " (" + description + ")"),
          response.statusCode() >= 500,
          null);
    }
    String instanceUrl = InstanceUrls.requireTrusted(json.get("instance_url").asText(), loginUrl);
    String id = json.path("id").asText(null);
    String userId = id == null ? null : id.substring(id.lastIndexOf('/') + 1);
    return new TokenResponse(
        new SalesforceToken(json.get("access_token").asText(), instanceUrl, userId),
        json.hasNonNull("refresh_token") ? json.get("refresh_token").asText() : null);
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
