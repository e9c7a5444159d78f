package io.bcsync.sim.bigcommerce.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Paging;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.store.Hook;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** V3 hooks. Each token sees only the hooks of its own client id, as on BigCommerce. */
public final class V3HooksApi {
  private static final int MAX_HOOKS_PER_SCOPE = 10;
  private static final java.util.Set<String> LOOPBACK =
      java.util.Set.of("localhost", "127.0.0.1", "[::1]", "::1");
  private final boolean allowLocalHttp;

  /**
   * Destinations must be https on port 443, as on BigCommerce (webhooks.v3.yml, {@code
   * destination}; ../shared/reference/bigcommerce.md 3.1).
   *
   * @param allowLocalHttp simulator-only: also accept http on a loopback host (demo and tests)
   */
  public V3HooksApi(boolean allowLocalHttp) {
    this.allowLocalHttp = allowLocalHttp;
  }

  public void register(Router r) {
    r.add("GET", "/v3/hooks", this::list);
    r.add("POST", "/v3/hooks", this::create);
    r.add("GET", "/v3/hooks/admin", this::admin);
    r.add("PUT", "/v3/hooks/admin", this::updateAdmin);
    r.add("GET", "/v3/hooks/{id}", this::get);
    r.add("PUT", "/v3/hooks/{id}", this::update);
    r.add("DELETE", "/v3/hooks/{id}", this::delete);
  }

  private ApiResponse list(ApiRequest req) {
    Optional<String> active = req.query("is_active");
    Optional<String> scope = req.query("scope");
    Optional<String> destination = req.query("destination");
    List<Hook> all =
        own(req).stream()
            .filter(h -> active.map(a -> h.active == Boolean.parseBoolean(a)).orElse(true))
            .filter(h -> scope.map(s -> s.equals(h.scope)).orElse(true))
            .filter(h -> destination.map(d -> d.equals(h.destination)).orElse(true))
            .toList();
    Paging.Page page = Paging.of(req, 50);
    ArrayNode data = Json.array();
    page.slice(all).forEach(h -> data.add(hook(h)));
    return ApiResponse.ok(Paging.v3Collection(data, all.size(), page));
  }

  private ApiResponse create(ApiRequest req) {
    JsonNode body = req.json();
    if (!body.hasNonNull("scope") || body.get("scope").asText().isBlank()) {
      throw ApiException.unprocessable("scope", "scope is required");
    }
    if (!body.hasNonNull("destination") || body.get("destination").asText().isBlank()) {
      throw ApiException.unprocessable("destination", "destination is required");
    }
    String scope = body.get("scope").asText();
    String destination = body.get("destination").asText();
    validateDestination(destination);
    List<Hook> sameScope = own(req).stream().filter(h -> h.scope.equals(scope)).toList();
    if (sameScope.stream().anyMatch(h -> h.destination.equals(destination))) {
      throw ApiException.unprocessable(
          "destination", "A webhook with this scope and destination already exists.");
    }
    if (sameScope.size() >= MAX_HOOKS_PER_SCOPE) {
      throw ApiException.unprocessable(
          "scope", "At most " + MAX_HOOKS_PER_SCOPE + " webhooks per scope are allowed.");
    }
    Hook h = new Hook();
    h.id = req.store().nextId();
    h.clientId = req.clientId();
    h.storeHash = req.store().hash();
    h.scope = scope;
    h.destination = destination;
    h.active = Json.bool(body, "is_active", true);
    h.headers = headers(body.get("headers"));
    h.createdAt = req.now().getEpochSecond();
    h.updatedAt = h.createdAt;
    req.store().hooks.put(h.id, h);
    return ApiResponse.ok(Paging.v3Single(hook(h)));
  }

  private ApiResponse get(ApiRequest req) {
    return ApiResponse.ok(Paging.v3Single(hook(find(req))));
  }

  private ApiResponse update(ApiRequest req) {
    Hook h = find(req);
    JsonNode body = req.json();
    if (body.hasNonNull("destination")) {
      validateDestination(body.get("destination").asText());
      h.destination = body.get("destination").asText();
    }
    h.scope = Json.text(body, "scope", h.scope);
    if (body.has("is_active")) {
      h.active = body.get("is_active").asBoolean();
      if (h.active) {
        h.deactivatedByDelivery = false;
      }
    }
    if (body.has("headers")) {
      h.headers = headers(body.get("headers"));
    }
    h.updatedAt = req.now().getEpochSecond();
    return ApiResponse.ok(Paging.v3Single(hook(h)));
  }

  private ApiResponse delete(ApiRequest req) {
    Hook h = find(req);
    req.store().hooks.remove(h.id);
    return ApiResponse.ok(Paging.v3Single(hook(h)));
  }

  private ApiResponse admin(ApiRequest req) {
    Optional<String> active = req.query("is_active");
    ObjectNode data = Json.object();
    ArrayNode emails = data.putArray("emails");
    req.store().hookAdminEmails.forEach(emails::add);
    ArrayNode list = data.putArray("hooks_list");
    own(req).stream()
        .filter(h -> active.map(a -> h.active == Boolean.parseBoolean(a)).orElse(true))
        .forEach(
            h -> {
              ObjectNode n = hook(h);
              n.put(
                  "status",
                  h.active ? "active" : h.deactivatedByDelivery ? "deactivated" : "inactive");
              list.add(n);
            });
    data.putArray("blocked_domains");
    return ApiResponse.ok(Paging.v3Single(data));
  }

  private ApiResponse updateAdmin(ApiRequest req) {
    JsonNode emails = req.json().get("emails");
    if (emails == null || !emails.isArray()) {
      throw ApiException.unprocessable("emails", "emails must be an array");
    }
    req.store().hookAdminEmails.clear();
    emails.forEach(e -> req.store().hookAdminEmails.add(e.asText()));
    return ApiResponse.noContent();
  }

  private void validateDestination(String destination) {
    URI uri;
    try {
      uri = URI.create(destination);
    } catch (IllegalArgumentException e) {
      throw ApiException.unprocessable("destination", "destination must be a valid URL");
    }
    boolean https =
        "https".equals(uri.getScheme()) && (uri.getPort() == -1 || uri.getPort() == 443);
    boolean localHttp =
        allowLocalHttp && "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
    if (uri.getHost() == null || !(https || localHttp)) {
      throw ApiException.unprocessable(
          "destination", "destination must be a valid https URL on port 443");
    }
  }

  private static Map<String, String> headers(JsonNode node) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    }
    return headers;
  }

  private static List<Hook> own(ApiRequest req) {
    return req.store().hooks.values().stream()
        .filter(h -> h.clientId.equals(req.clientId()))
        .toList();
  }

  private static Hook find(ApiRequest req) {
    long id = req.pathId("id");
    return own(req).stream()
        .filter(h -> h.id == id)
        .findFirst()
        .orElseThrow(() -> new ApiException(404, "Webhook not found"));
  }

  public static ObjectNode hook(Hook h) {
    ObjectNode n = Json.object();
    n.put("id", h.id);
    n.put("client_id", h.clientId);
    n.put("store_hash", h.storeHash);
    n.put("scope", h.scope);
    n.put("destination", h.destination);
    ObjectNode headers = n.putObject("headers");
    h.headers.forEach(headers::put);
    n.put("is_active", h.active);
    n.put("created_at", h.createdAt);
    n.put("updated_at", h.updatedAt);
    return n;
  }
}
