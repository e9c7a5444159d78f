package io.bcsync.sim.bigcommerce.pricelists;

import static io.bcsync.sim.bigcommerce.http.Formats.v3Date;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.catalog.CatalogOperations;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Batches;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Paging;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.store.PriceList;
import io.bcsync.sim.bigcommerce.store.PriceListAssignment;
import io.bcsync.sim.bigcommerce.store.PriceRecord;
import io.bcsync.sim.bigcommerce.store.Store;
import io.bcsync.sim.bigcommerce.store.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** V3 price lists, their records (upsert ≤1000, 2 concurrent) and assignments (batch ≤25). */
public final class V3PriceListsApi {
  public static final String RECORDS_PUT_CONCURRENCY_KEY = "PUT /v3/pricelists/{id}/records";
  private static final int RECORDS_UPSERT_MAX = 1000;
  private static final int ASSIGNMENTS_BATCH_MAX = 25;

  public void register(Router r) {
    r.add("GET", "/v3/pricelists", this::list);
    r.add("POST", "/v3/pricelists", this::create);
    r.add("GET", "/v3/pricelists/{id}", this::get);
    r.add("PUT", "/v3/pricelists/{id}", this::update);
    r.add("DELETE", "/v3/pricelists/{id}", this::delete);
    r.add("GET", "/v3/pricelists/{id}/records", this::records);
    r.add("PUT", "/v3/pricelists/{id}/records", RECORDS_PUT_CONCURRENCY_KEY, this::upsertRecords);
    r.add("GET", "/v3/pricelists/assignments", this::assignments);
    r.add("POST", "/v3/pricelists/assignments", this::createAssignments);
    r.add("DELETE", "/v3/pricelists/assignments", this::deleteAssignments);
  }

  private ApiResponse list(ApiRequest req) {
    List<PriceList> all = List.copyOf(req.store().priceLists.values());
    Paging.Page page = Paging.of(req, 50);
    ArrayNode data = Json.array();
    page.slice(all).forEach(p -> data.add(priceList(p)));
    return ApiResponse.ok(Paging.v3Collection(data, all.size(), page));
  }

  private ApiResponse create(ApiRequest req) {
    JsonNode body = req.json();
    if (!body.hasNonNull("name")) {
      throw ApiException.unprocessable("name", "The field 'name' is required.");
    }
    String name = body.get("name").asText();
    if (req.store().priceLists.values().stream().anyMatch(p -> p.name.equals(name))) {
      throw new ApiException(409, "A price list with this name already exists.");
    }
    PriceList p = new PriceList();
    p.id = req.store().nextId();
    p.name = name;
    p.active = Json.bool(body, "active", true);
    p.dateCreated = req.now();
    p.dateModified = req.now();
    req.store().priceLists.put(p.id, p);
    return ApiResponse.ok(Paging.v3Single(priceList(p)));
  }

  private ApiResponse get(ApiRequest req) {
    return ApiResponse.ok(Paging.v3Single(priceList(find(req))));
  }

  private ApiResponse update(ApiRequest req) {
    PriceList p = find(req);
    JsonNode body = req.json();
    p.name = Json.text(body, "name", p.name);
    p.active = Json.bool(body, "active", p.active);
    p.dateModified = req.now();
    return ApiResponse.ok(Paging.v3Single(priceList(p)));
  }

  private ApiResponse delete(ApiRequest req) {
    PriceList p = find(req);
    Store s = req.store();
    s.priceLists.remove(p.id);
    s.priceRecords.removeIf(r -> r.priceListId == p.id);
    s.priceListAssignments.values().removeIf(a -> a.priceListId == p.id);
    return ApiResponse.noContent();
  }

  private ApiResponse records(ApiRequest req) {
    PriceList p = find(req);
    Optional<List<String>> variantIds = req.queryList("variant_id:in");
    Optional<List<String>> skus = req.queryList("sku:in");
    Optional<String> currency = req.query("currency");
    List<PriceRecord> all =
        req.store().priceRecords.stream()
            .filter(r -> r.priceListId == p.id)
            .filter(r -> variantIds.map(l -> l.contains(String.valueOf(r.variantId))).orElse(true))
            .filter(r -> skus.map(l -> l.contains(r.sku)).orElse(true))
            .filter(r -> currency.map(c -> c.equalsIgnoreCase(r.currency)).orElse(true))
            .toList();
    Paging.Page page = Paging.of(req, 50);
    ArrayNode data = Json.array();
    page.slice(all).forEach(r -> data.add(record(r)));
    return ApiResponse.ok(Paging.v3Collection(data, all.size(), page));
  }

  /**
   * {@code setPriceListRecordCollection} (price_lists.v3.yml): up to 1,000 records, each keyed by
   * {@code variant_id} or {@code sku} and {@code currency}. By default ({@code X-Strict-Mode: 0})
   * the valid records are written and the invalid ones answered in a 422 whose {@code batch_errors}
   * carry each refused record's identifiers and {@code field_errors} ("May include errors during
   * partial update in non-strict mode"); with {@code X-Strict-Mode: 1} one invalid record refuses
   * the whole request ("Strict mode will reject the entire request if any item in the batch has an
   * error"). The spec requires only {@code currency}; a record without a price, or with a negative
   * one, is refused here too (stricter than the documented minimum: a price record without a price
   * has nothing to set). Each written record fires {@code store/priceList/record/created} or {@code
   * .../updated} with {@code data{price_list_id, variant_id, currency}} (reference/bigcommerce.md,
   * "Other scopes": the events page lists these scopes; the stored OpenAPI files do not describe
   * webhook bodies for them).
   */
  private ApiResponse upsertRecords(ApiRequest req) {
    PriceList p = find(req);
    JsonNode body = Batches.array(req, RECORDS_UPSERT_MAX);
    boolean strict = "1".equals(String.valueOf(req.header("X-Strict-Mode")).trim());
    List<Variant> variants = new ArrayList<>();
    ArrayNode errors = Json.array();
    for (JsonNode item : body) {
      Map<String, String> problems = new LinkedHashMap<>();
      Variant v = resolveVariant(req.store(), item, problems);
      checkValues(item, problems);
      variants.add(problems.isEmpty() ? v : null);
      if (!problems.isEmpty()) {
        ObjectNode error = errors.addObject();
        ObjectNode data = error.putObject("data").put("price_list_id", p.id);
        if (item.hasNonNull("variant_id")) data.set("variant_id", item.get("variant_id"));
        if (item.hasNonNull("sku")) data.set("sku", item.get("sku"));
        if (item.hasNonNull("currency")) data.set("currency", item.get("currency"));
        ObjectNode fields = error.putObject("field_errors");
        problems.forEach(fields::put);
      }
    }
    if (errors.isEmpty() || !strict) {
      for (int i = 0; i < body.size(); i++) {
        if (variants.get(i) != null) {
          upsert(req.store(), p, variants.get(i), body.get(i));
        }
      }
    }
    if (!errors.isEmpty()) {
      ObjectNode answer = Json.object();
      answer.set("batch_errors", errors);
      return ApiResponse.of(422, answer);
    }
    return ApiResponse.ok(Json.object().<ObjectNode>set("data", Json.object()));
  }

  private static Variant resolveVariant(Store store, JsonNode item, Map<String, String> problems) {
    if (item.hasNonNull("variant_id")) {
      long id = item.get("variant_id").asLong();
      Optional<Variant> found =
          store.products.values().stream()
              .flatMap(x -> x.variants.stream())
              .filter(v -> v.id == id)
              .findFirst();
      if (found.isEmpty()) {
        problems.put("variant_id", "Variant " + id + " does not exist.");
      }
      return found.orElse(null);
    }
    if (item.hasNonNull("sku")) {
      Optional<Variant> found = CatalogOperations.findVariantBySku(store, item.get("sku").asText());
      if (found.isEmpty()) {
        problems.put("sku", "SKU " + item.get("sku").asText() + " does not exist.");
      }
      return found.orElse(null);
    }
    problems.put("variant_id", "Each record needs variant_id or sku.");
    return null;
  }

  private static void checkValues(JsonNode item, Map<String, String> problems) {
    if (!item.hasNonNull("currency") || !item.get("currency").asText().matches("[A-Za-z]{3}")) {
      problems.put("currency", "A 3-letter ISO-4217 currency code is required.");
    }
    if (!item.hasNonNull("price")) {
      problems.put("price", "The price is required.");
    }
    for (String field : List.of("price", "sale_price", "retail_price", "map_price")) {
      if (item.hasNonNull(field)
          && (!item.get(field).isNumber() || item.get(field).decimalValue().signum() < 0)) {
        problems.put(field, "The " + field + " must be a number of at least 0.");
      }
    }
  }

  private static void upsert(Store store, PriceList p, Variant v, JsonNode item) {
    String currency = item.get("currency").asText().toUpperCase(Locale.ROOT);
    PriceRecord r =
        store.priceRecords.stream()
            .filter(
                x -> x.priceListId == p.id && x.variantId == v.id && x.currency.equals(currency))
            .findFirst()
            .orElse(null);
    boolean created = r == null;
    if (created) {
      r = new PriceRecord();
      r.priceListId = p.id;
      r.variantId = v.id;
      r.productId = v.productId;
      r.sku = v.sku;
      r.currency = currency;
      r.dateCreated = store.now();
      store.priceRecords.add(r);
    }
    r.price = new BigDecimal(item.get("price").asText());
    r.salePrice =
        item.hasNonNull("sale_price") ? new BigDecimal(item.get("sale_price").asText()) : null;
    r.retailPrice =
        item.hasNonNull("retail_price") ? new BigDecimal(item.get("retail_price").asText()) : null;
    r.mapPrice =
        item.hasNonNull("map_price") ? new BigDecimal(item.get("map_price").asText()) : null;
    r.dateModified = store.now();
    store.publish(
        created ? "store/priceList/record/created" : "store/priceList/record/updated",
        Json.object().put("price_list_id", p.id).put("variant_id", v.id).put("currency", currency));
  }

  private ApiResponse assignments(ApiRequest req) {
    Optional<Long> priceListId = req.queryLong("price_list_id");
    Optional<Long> groupId = req.queryLong("customer_group_id");
    List<PriceListAssignment> all =
        req.store().priceListAssignments.values().stream()
            .filter(a -> priceListId.map(id -> a.priceListId == id).orElse(true))
            .filter(a -> groupId.map(id -> a.customerGroupId == id).orElse(true))
            .toList();
    Paging.Page page = Paging.of(req, 50);
    ArrayNode data = Json.array();
    page.slice(all).forEach(a -> data.add(assignment(a)));
    return ApiResponse.ok(Paging.v3Collection(data, all.size(), page));
  }

  private ApiResponse createAssignments(ApiRequest req) {
    JsonNode body = Batches.array(req, ASSIGNMENTS_BATCH_MAX);
    // Validate the whole batch first: nothing of a refused batch is written.
    List<PriceListAssignment> made = new java.util.ArrayList<>();
    for (JsonNode item : body) {
      long listId = Json.longValue(item, "price_list_id", 0);
      if (!req.store().priceLists.containsKey(listId)) {
        throw ApiException.unprocessable(
            "price_list_id", "Price list " + listId + " does not exist.");
      }
      PriceListAssignment a = new PriceListAssignment();
      a.priceListId = listId;
      a.customerGroupId = Json.longValue(item, "customer_group_id", 0);
      // price_lists.v3.yml, AssignmentsForGetResponse: channel_id "is optional or may be null when
      // a price list applies across channels for the customer_group_id"; 0 stands for that here.
      a.channelId = Json.longValue(item, "channel_id", 0);
      if (a.customerGroupId != 0 && !req.store().customerGroups.containsKey(a.customerGroupId)) {
        throw ApiException.unprocessable(
            "customer_group_id", "Customer group " + a.customerGroupId + " does not exist.");
      }
      // UNVERIFIED: the spec does not say what a second assignment of one group on one channel
      // gets; the stricter plausible answer is a 422, so a client must read before it assigns.
      boolean taken =
          req.store().priceListAssignments.values().stream().anyMatch(x -> sameTarget(x, a))
              || made.stream().anyMatch(x -> sameTarget(x, a));
      if (taken) {
        throw ApiException.unprocessable(
            "customer_group_id",
            "Customer group "
                + a.customerGroupId
                + " already has a price list on "
                + (a.channelId == 0 ? "every channel" : "channel " + a.channelId)
                + ".");
      }
      made.add(a);
    }
    for (PriceListAssignment a : made) {
      a.id = req.store().nextId();
      req.store().priceListAssignments.put(a.id, a);
    }
    // The spec documents this 200 as "No content".
    return ApiResponse.of(200, null);
  }

  private static boolean sameTarget(PriceListAssignment a, PriceListAssignment b) {
    return a.customerGroupId == b.customerGroupId && a.channelId == b.channelId;
  }

  private ApiResponse deleteAssignments(ApiRequest req) {
    Optional<Long> priceListId = req.queryLong("price_list_id");
    Optional<Long> groupId = req.queryLong("customer_group_id");
    Optional<Long> id = req.queryLong("id");
    if (priceListId.isEmpty() && groupId.isEmpty() && id.isEmpty()) {
      throw ApiException.unprocessable(
          "filter", "At least one filter is required to delete assignments.");
    }
    req.store()
        .priceListAssignments
        .values()
        .removeIf(
            a ->
                priceListId.map(x -> a.priceListId == x).orElse(true)
                    && groupId.map(x -> a.customerGroupId == x).orElse(true)
                    && id.map(x -> a.id == x).orElse(true));
    return ApiResponse.noContent();
  }

  private static PriceList find(ApiRequest req) {
    PriceList p = req.store().priceLists.get(req.pathId("id"));
    if (p == null) {
      throw new ApiException(404, "The requested price list was not found.");
    }
    return p;
  }

  static ObjectNode priceList(PriceList p) {
    return Json.object()
        .put("id", p.id)
        .put("name", p.name)
        .put("date_created", v3Date(p.dateCreated))
        .put("date_modified", v3Date(p.dateModified))
        .put("active", p.active);
  }

  static ObjectNode record(PriceRecord r) {
    ObjectNode n = Json.object();
    n.put("price_list_id", r.priceListId);
    n.put("variant_id", r.variantId);
    n.put("product_id", r.productId);
    n.put("sku", r.sku);
    n.put("currency", r.currency.toLowerCase(Locale.ROOT));
    n.put("price", r.price);
    if (r.salePrice != null) n.put("sale_price", r.salePrice);
    if (r.retailPrice != null) n.put("retail_price", r.retailPrice);
    if (r.mapPrice != null) n.put("map_price", r.mapPrice);
    n.put("calculated_price", r.salePrice != null ? r.salePrice : r.price);
    n.put("date_created", v3Date(r.dateCreated));
    n.put("date_modified", v3Date(r.dateModified));
    n.putArray("bulk_pricing_tiers");
    return n;
  }

  static ObjectNode assignment(PriceListAssignment a) {
    ObjectNode n =
        Json.object()
            .put("id", a.id)
            .put("price_list_id", a.priceListId)
            .put("customer_group_id", a.customerGroupId);
    if (a.channelId == 0) {
      n.putNull("channel_id");
    } else {
      n.put("channel_id", a.channelId);
    }
    return n;
  }
}
