package io.bcsync.sim.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A minimal API client for tests: JSON in, status + headers + JSON out. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  private final String token;
  private final String storeHash;

  Http(String base, String token) {
    this(base, token, null);
  }

  private Http(String base, String token, String storeHash) {
    this.base = base;
    this.token = token;
    this.storeHash = storeHash;
  }

  /** The B2B Edition host of a store: its token plus X-Store-Hash naming the store. */
  static Http forB2b(BigCommerceSimulator sim, SimulatedStore store) {
    return new Http(sim.b2bBaseUrl() + "/api/v3/io", store.accessToken(), store.hash());
  }

  static Http forStore(BigCommerceSimulator sim, SimulatedStore store) {
    return new Http(sim.baseUrl() + "/stores/" + store.hash(), store.accessToken());
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response post(String path, Object body) {
    return send("POST", path, body);
  }

  Response put(String path, Object body) {
    return send("PUT", path, body);
  }

  Response delete(String path) {
    return send("DELETE", path, null);
  }

  Response send(String method, String path, Object body) {
    return send(method, path, body, java.util.Map.of());
  }

  Response send(String method, String path, Object body, java.util.Map<String, String> headers) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(20))
              .header("Accept", "application/json");
      headers.forEach(b::header);
      if (token != null) {
        b.header("X-Auth-Token", token);
      }
      if (storeHash != null) {
        b.header("X-Store-Hash", storeHash);
      }
      if (body == null) {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        b.header("Content-Type", "application/json");
        b.method(
            method,
            HttpRequest.BodyPublishers.ofString(
                body instanceof String s ? s : JSON.writeValueAsString(body)));
      }
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new RuntimeException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeException(e);
    }
  }

  record Response(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new RuntimeException("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new RuntimeException(e);
    }
  }
}
