package io.bcsync.sim.bigcommerce.customers;

import static io.bcsync.sim.bigcommerce.http.Formats.v2Date;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Paging;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.store.CustomerGroup;
import io.bcsync.sim.bigcommerce.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** V2 customer groups (there is no V3 equivalent and no webhook for them). */
public final class V2CustomerGroupsApi {
  public void register(Router r) {
    r.add("GET", "/v2/customer_groups", this::list);
    r.add("GET", "/v2/customer_groups/count", this::count);
    r.add("POST", "/v2/customer_groups", this::create);
    r.add("GET", "/v2/customer_groups/{id}", this::get);
    r.add("PUT", "/v2/customer_groups/{id}", this::update);
    r.add("DELETE", "/v2/customer_groups/{id}", this::delete);
  }

  private ApiResponse list(ApiRequest req) {
    Optional<String> name = req.query("name");
    Optional<Instant> modMin = req.queryDate("date_modified:min");
    List<CustomerGroup> all =
        req.store().customerGroups.values().stream()
            .filter(g -> name.map(n -> n.equals(g.name)).orElse(true))
            .filter(g -> modMin.map(m -> !g.dateModified.isBefore(m)).orElse(true))
            .toList();
    List<CustomerGroup> slice = Paging.of(req, 50).slice(all);
    if (slice.isEmpty()) {
      return ApiResponse.noContent();
    }
    ArrayNode body = Json.array();
    slice.forEach(g -> body.add(group(g)));
    return ApiResponse.ok(body);
  }

  private ApiResponse count(ApiRequest req) {
    return ApiResponse.ok(Json.object().put("count", req.store().customerGroups.size()));
  }

  private ApiResponse create(ApiRequest req) {
    JsonNode body = req.json();
    if (!body.hasNonNull("name")) {
      throw new ApiException(400, "The field 'name' is required.");
    }
    CustomerGroup g = create(req.store(), body.get("name").asText());
    g.isDefault = Json.bool(body, "is_default", false);
    g.isGroupForGuests = Json.bool(body, "is_group_for_guests", false);
    return ApiResponse.ok(group(g));
  }

  public static CustomerGroup create(Store store, String name) {
    if (store.customerGroups.values().stream().anyMatch(g -> g.name.equals(name))) {
      throw new ApiException(409, "A customer group with the name " + name + " already exists.");
    }
    CustomerGroup g = new CustomerGroup();
    g.id = store.nextId();
    g.name = name;
    g.dateCreated = store.now();
    g.dateModified = store.now();
    store.customerGroups.put(g.id, g);
    return g;
  }

  private ApiResponse get(ApiRequest req) {
    return ApiResponse.ok(group(find(req)));
  }

  private ApiResponse update(ApiRequest req) {
    CustomerGroup g = find(req);
    JsonNode body = req.json();
    g.name = Json.text(body, "name", g.name);
    g.isDefault = Json.bool(body, "is_default", g.isDefault);
    g.dateModified = req.now();
    return ApiResponse.ok(group(g));
  }

  private ApiResponse delete(ApiRequest req) {
    CustomerGroup g = find(req);
    req.store().customerGroups.remove(g.id);
    // Deleting a group unassigns its customers.
    req.store().customers.values().stream()
        .filter(c -> c.customerGroupId == g.id)
        .forEach(c -> c.customerGroupId = 0);
    return ApiResponse.noContent();
  }

  private static CustomerGroup find(ApiRequest req) {
    CustomerGroup g = req.store().customerGroups.get(req.pathId("id"));
    if (g == null) {
      throw ApiException.notFound();
    }
    return g;
  }

  static ObjectNode group(CustomerGroup g) {
    ObjectNode n = Json.object();
    n.put("id", g.id);
    n.put("name", g.name);
    n.put("is_default", g.isDefault);
    n.put("is_group_for_guests", g.isGroupForGuests);
    n.putObject("category_access").put("type", g.categoryAccessType);
    n.putArray("discount_rules");
    n.put("date_created", v2Date(g.dateCreated));
    n.put("date_modified", v2Date(g.dateModified));
    return n;
  }
}
