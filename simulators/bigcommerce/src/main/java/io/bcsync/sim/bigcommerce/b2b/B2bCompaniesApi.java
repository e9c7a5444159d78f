package io.bcsync.sim.bigcommerce.b2b;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.customers.V2CustomerGroupsApi;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.store.Company;
import io.bcsync.sim.bigcommerce.store.Events;
import java.util.List;
import java.util.Optional;

/**
 * B2B Edition companies (REST management V3, camelCase JSON, {code, data, meta} envelope). A new
 * company gets its own customer group, as B2B Edition links companies to BigCommerce customer
 * groups.
 */
public final class B2bCompaniesApi {
  public void register(Router r) {
    r.add("GET", "/companies", this::list);
    r.add("POST", "/companies", this::create);
    r.add("GET", "/companies/{id}", this::get);
    r.add("PUT", "/companies/{id}", this::update);
    r.add("DELETE", "/companies/{id}", this::delete);
    r.add("PUT", "/companies/{id}/status", this::status);
  }

  private ApiResponse list(ApiRequest req) {
    long offset = req.queryLong("offset").orElse(0L);
    long limit = Math.min(250, req.queryLong("limit").orElse(10L));
    Optional<Long> minModified = req.queryLong("minModified");
    Optional<String> q = req.query("q");
    List<Company> all =
        req.store().companies.values().stream()
            .filter(c -> minModified.map(m -> c.updatedAt.getEpochSecond() >= m).orElse(true))
            .filter(c -> q.map(s -> c.name.toLowerCase().contains(s.toLowerCase())).orElse(true))
            .toList();
    ArrayNode data = Json.array();
    all.stream().skip(offset).limit(limit).forEach(c -> data.add(company(c)));
    ObjectNode body = envelope(200, data);
    ((ObjectNode) body.get("meta"))
        .putObject("pagination")
        .put("totalCount", all.size())
        .put("offset", offset)
        .put("limit", limit);
    return ApiResponse.ok(body);
  }

  private ApiResponse create(ApiRequest req) {
    JsonNode body = req.json();
    for (String field :
        List.of("companyName", "companyEmail", "adminFirstName", "adminLastName", "adminEmail")) {
      if (!body.hasNonNull(field)) {
        throw new ApiException(422, field + " is required");
      }
    }
    Company c = new Company();
    c.id = req.store().nextId();
    c.name = body.get("companyName").asText();
    c.createdAt = req.now();
    c.updatedAt = req.now();
    apply(c, body);
    c.customerGroupId = V2CustomerGroupsApi.create(req.store(), "B2B " + c.name + " " + c.id).id;
    req.store().companies.put(c.id, c);
    req.store().publish("store/company/created", Events.resource("company", c.id));
    ObjectNode data =
        Json.object().put("companyId", c.id).put("customerGroupId", c.customerGroupId);
    return ApiResponse.ok(envelope(200, data));
  }

  private ApiResponse get(ApiRequest req) {
    return ApiResponse.ok(envelope(200, company(find(req))));
  }

  private ApiResponse update(ApiRequest req) {
    Company c = find(req);
    c.name = Json.text(req.json(), "companyName", c.name);
    apply(c, req.json());
    c.updatedAt = req.now();
    req.store().publish("store/company/updated", Events.resource("company", c.id));
    return ApiResponse.ok(envelope(200, company(c)));
  }

  private ApiResponse delete(ApiRequest req) {
    Company c = find(req);
    req.store().companies.remove(c.id);
    req.store().publish("store/company/deleted", Events.resource("company", c.id));
    return ApiResponse.ok(envelope(200, Json.object()));
  }

  private ApiResponse status(ApiRequest req) {
    Company c = find(req);
    int status = (int) Json.longValue(req.json(), "companyStatus", -1);
    if (status < 0 || status > 3) {
      throw new ApiException(422, "companyStatus must be 0, 1, 2 or 3");
    }
    c.status = status;
    c.updatedAt = req.now();
    req.store().publish("store/company/statusUpdated", Events.resource("company", c.id));
    return ApiResponse.ok(envelope(200, Json.object()));
  }

  private static void apply(Company c, JsonNode body) {
    c.email = Json.text(body, "companyEmail", c.email);
    c.phone = Json.text(body, "companyPhone", c.phone);
    c.country = Json.text(body, "country", c.country);
    c.addressLine1 = Json.text(body, "addressLine1", c.addressLine1);
    c.city = Json.text(body, "city", c.city);
    c.state = Json.text(body, "state", c.state);
    c.zipCode = Json.text(body, "zipCode", c.zipCode);
  }

  private static Company find(ApiRequest req) {
    Company c = req.store().companies.get(req.pathId("id"));
    if (c == null) {
      throw new ApiException(404, "Company not found");
    }
    return c;
  }

  static ObjectNode company(Company c) {
    ObjectNode n = Json.object();
    n.put("companyId", c.id);
    n.put("companyName", c.name);
    n.put("companyEmail", c.email);
    n.put("companyPhone", c.phone);
    n.put("companyStatus", c.status);
    n.put("customerGroupId", c.customerGroupId);
    n.put("country", c.country);
    n.put("addressLine1", c.addressLine1);
    n.put("city", c.city);
    n.put("state", c.state);
    n.put("zipCode", c.zipCode);
    n.putArray("extraFields");
    n.put("createdAt", c.createdAt.getEpochSecond());
    n.put("updatedAt", c.updatedAt.getEpochSecond());
    return n;
  }

  public static ObjectNode envelope(int code, JsonNode data) {
    ObjectNode body = Json.object();
    body.put("code", code);
    body.set("data", data);
    body.putObject("meta").put("message", "SUCCESS");
    return body;
  }
}
