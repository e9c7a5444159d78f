package io.bcsync.sim.bigcommerce.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.HttpIo;
import io.bcsync.sim.bigcommerce.http.Json;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * POST {login base}/oauth2/token: accepts the JSON body current docs show and the form body older
 * docs showed.
 */
public final class OAuthTokenServlet extends HttpServlet {
  private final AppInstalls installs;

  public OAuthTokenServlet(AppInstalls installs) {
    this.installs = installs;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Map<String, String> params = params(req);
    if (!"authorization_code".equals(params.get("grant_type"))) {
      HttpIo.write(resp, ApiResponse.of(400, Json.object().put("error", "unsupported_grant_type")));
      return;
    }
    try {
      HttpIo.write(
          resp,
          ApiResponse.ok(
              installs.exchange(
                  params.get("client_id"),
                  params.get("client_secret"),
                  params.get("code"),
                  params.get("context"),
                  params.get("redirect_uri"))));
    } catch (AppInstalls.OAuthException e) {
      HttpIo.write(resp, ApiResponse.of(e.status(), Json.object().put("error", e.getMessage())));
    }
  }

  private static Map<String, String> params(HttpServletRequest req) throws IOException {
    byte[] body = HttpIo.body(req);
    Map<String, String> params = new HashMap<>();
    String contentType = req.getContentType() == null ? "" : req.getContentType();
    if (contentType.startsWith("application/json")) {
      JsonNode json = Json.parse(body);
      json.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    } else {
      for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return params;
  }
}
