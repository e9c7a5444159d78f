package io.bcsync.sim.bigcommerce.inventory;

import static io.bcsync.sim.bigcommerce.http.Formats.v3Date;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Handler;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Paging;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.store.Location;
import io.bcsync.sim.bigcommerce.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * V3 locations (locations.v3.yml): list with its filters, and batch create. Location 1 exists in
 * every store (its default shipping origin). A created location fires {@code
 * store/inventory/location/created} with {@code data: {location_id}} (webhooks.v3.yml: "For
 * inventory and location events, data will include location_id").
 */
public final class V3LocationsApi {
  /** locations.v3.yml, {@code POST /inventory/locations}: "Limit of 100 active locations." */
  static final int MAX_ACTIVE = 100;

  public void register(Router r) {
    r.add("GET", "/v3/inventory/locations", Handler.problemJson(this::list));
    r.add("POST", "/v3/inventory/locations", Handler.problemJson(this::create));
  }

  private ApiResponse list(ApiRequest req) {
    Optional<List<String>> ids = req.queryList("location_id:in");
    Optional<List<String>> codes = req.queryList("location_code:in");
    Optional<Boolean> isDefault = req.query("is_default").map(Boolean::parseBoolean);
    Optional<Boolean> active = req.query("is_active").map(Boolean::parseBoolean);
    List<Location> matching = new ArrayList<>();
    for (Location l : req.store().locations.values()) {
      if (ids.isPresent() && !ids.get().contains(Long.toString(l.id))
          || codes.isPresent() && !codes.get().contains(l.code)
          || isDefault.isPresent() && isDefault.get() != (l.id == Location.DEFAULT_ID)
          || active.isPresent() && active.get() != l.enabled) {
        continue;
      }
      matching.add(l);
    }
    Paging.Page page = Paging.of(req, 50);
    ArrayNode data = Json.array();
    page.slice(matching).forEach(l -> data.add(render(l)));
    return ApiResponse.ok(Paging.v3Collection(data, matching.size(), page));
  }

  /**
   * Creates every location of the array or none (422): {@code label}, {@code time_zone} and, for a
   * PHYSICAL location, an address with {@code address1}, {@code city}, {@code state}, {@code zip},
   * {@code email}, {@code geo_coordinates} and {@code country_code} are required
   * (LocationsCreateRequest; {@code managed_by_external_source} and {@code type_id} take their
   * documented defaults when absent); a code another location has, or more than 100 active
   * locations, is refused.
   */
  private ApiResponse create(ApiRequest req) {
    JsonNode body = req.json();
    if (!body.isArray() || body.isEmpty()) {
      throw ApiException.unprocessable("locations", "A non-empty array of locations is required.");
    }
    Store store = req.store();
    List<String> codes = new ArrayList<>();
    store.locations.values().forEach(l -> codes.add(l.code));
    long active = store.locations.values().stream().filter(l -> l.enabled).count();
    for (int i = 0; i < body.size(); i++) {
      JsonNode l = body.get(i);
      String at = "locations." + i + ".";
      for (String field : new String[] {"label", "time_zone"}) {
        if (Json.text(l, field, "").isBlank()) {
          throw ApiException.unprocessable(at + field, "The field '" + field + "' is required.");
        }
      }
      if ("PHYSICAL".equals(Json.text(l, "type_id", "PHYSICAL"))) {
        for (String field :
            new String[] {
              "address1", "city", "state", "zip", "email", "geo_coordinates", "country_code"
            }) {
          if (!l.path("address").hasNonNull(field)) {
            throw ApiException.unprocessable(
                at + "address." + field, "A PHYSICAL location needs address." + field + ".");
          }
        }
      }
      String code = Json.text(l, "code", null);
      if (code != null && codes.contains(code)) {
        throw ApiException.unprocessable(at + "code", "Location code " + code + " is taken.");
      }
      codes.add(code);
      active += Json.bool(l, "enabled", true) ? 1 : 0;
    }
    if (active > MAX_ACTIVE) {
      throw ApiException.unprocessable(
          "locations", "A store has at most " + MAX_ACTIVE + " active locations.");
    }
    body.forEach(l -> add(store, l));
    return ApiResponse.ok(Json.object().put("transaction_id", UUID.randomUUID().toString()));
  }

  /** Adds a location (already checked) and fires its hook; answers its id. */
  public static long add(Store store, JsonNode body) {
    Location l = new Location();
    l.id = store.locations.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
    l.code = Json.text(body, "code", "BC-LOCATION-" + l.id);
    l.label = Json.text(body, "label", "Location " + l.id);
    l.description = Json.text(body, "description", "");
    l.managedByExternalSource = Json.bool(body, "managed_by_external_source", false);
    l.typeId = Json.text(body, "type_id", "PHYSICAL");
    l.enabled = Json.bool(body, "enabled", true);
    l.storefrontVisibility = Json.bool(body, "storefront_visibility", true);
    l.timeZone = Json.text(body, "time_zone", "Etc/UTC");
    l.address = body.hasNonNull("address") ? body.get("address").deepCopy() : null;
    l.createdAt = store.now();
    l.updatedAt = l.createdAt;
    store.locations.put(l.id, l);
    store.publish("store/inventory/location/created", Json.object().put("location_id", l.id));
    return l.id;
  }

  static ObjectNode render(Location l) {
    ObjectNode n = Json.object();
    n.put("id", l.id);
    n.put("code", l.code);
    n.put("label", l.label);
    n.put("description", l.description);
    n.put("managed_by_external_source", l.managedByExternalSource);
    n.put("type_id", l.typeId);
    n.put("enabled", l.enabled);
    n.put("time_zone", l.timeZone);
    n.put("created_at", v3Date(l.createdAt));
    n.put("updated_at", v3Date(l.updatedAt));
    if (l.address != null) {
      n.set("address", l.address.deepCopy());
    }
    n.put("storefront_visibility", l.storefrontVisibility);
    n.putArray("special_hours");
    return n;
  }
}
