package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * V3 price lists, their records and assignments; inventory: absolute adjustments, the items' stock
 * per location, and the store's locations.
 */
public final class PricingApi {
  static final int RECORDS_PER_UPSERT = 1000;
  static final int ASSIGNMENTS_PER_CALL = 25;
  static final int INVENTORY_ITEMS_PER_CALL = 2000;

  /** Variant ids per {@code GET /v3/inventory/items} (kept well inside a URL's length). */
  static final int INVENTORY_READ_IDS_PER_CALL = 100;

  private final StoreClient store;

  PricingApi(StoreClient store) {
    this.store = store;
  }

  public List<CatalogDtos.PriceList> priceLists() {
    return store.v3All(ApiRequest.get("/v3/pricelists")).stream()
        .map(CatalogDtos.PriceList::from)
        .toList();
  }

  public List<CatalogDtos.PriceRecord> records(long priceListId) {
    return store.v3All(ApiRequest.get("/v3/pricelists/" + priceListId + "/records")).stream()
        .map(CatalogDtos.PriceRecord::from)
        .toList();
  }

  /** Upserts records of one list, 1,000 per call (at most two such calls per store run at once). */
  public void upsertRecords(long priceListId, List<PriceRecordUpsert> records) {
    for (List<PriceRecordUpsert> chunk : Batches.chunks(records, RECORDS_PER_UPSERT)) {
      ArrayNode body = store.mapper().valueToTree(chunk);
      store.require(ApiRequest.write("PUT", "/v3/pricelists/" + priceListId + "/records", body));
    }
  }

  public List<CatalogDtos.PriceListAssignment> assignments(long priceListId) {
    return store
        .v3All(ApiRequest.get("/v3/pricelists/assignments").with("price_list_id", priceListId))
        .stream()
        .map(CatalogDtos.PriceListAssignment::from)
        .toList();
  }

  /** The assignments of one customer group, on every channel. */
  public List<CatalogDtos.PriceListAssignment> assignmentsOfGroup(long customerGroupId) {
    return store
        .v3All(
            ApiRequest.get("/v3/pricelists/assignments").with("customer_group_id", customerGroupId))
        .stream()
        .map(CatalogDtos.PriceListAssignment::from)
        .toList();
  }

  /** Deletes one assignment by its id (the endpoint deletes by filter). */
  public void deleteAssignment(long assignmentId) {
    store.require(
        ApiRequest.write("DELETE", "/v3/pricelists/assignments", null).with("id", assignmentId));
  }

  /** Creates assignments 25 per call (BigCommerce's batch limit). */
  public void createAssignments(List<PriceListAssignmentCreate> assignments) {
    for (List<PriceListAssignmentCreate> chunk :
        Batches.chunks(assignments, ASSIGNMENTS_PER_CALL)) {
      ArrayNode body = store.mapper().valueToTree(chunk);
      store.require(ApiRequest.write("POST", "/v3/pricelists/assignments", body));
    }
  }

  /** Sets stock levels absolutely, 2,000 items per call; returns the transaction ids. */
  public List<String> adjustInventoryAbsolute(String reason, List<InventoryLevel> items) {
    return Batches.chunks(items, INVENTORY_ITEMS_PER_CALL).stream()
        .map(
            chunk -> {
              ObjectNode body = store.mapper().createObjectNode().put("reason", reason);
              body.set("items", store.mapper().valueToTree(chunk));
              return store
                  .require(ApiRequest.write("PUT", "/v3/inventory/adjustments/absolute", body))
                  .body()
                  .path("transaction_id")
                  .asText();
            })
        .toList();
  }

  /**
   * The ids of the store's inventory locations ({@code GET /v3/inventory/locations}, all pages;
   * needs the {@code store_locations_read_only} scope).
   */
  public List<Long> locationIds() {
    return store.v3All(ApiRequest.get("/v3/inventory/locations")).stream()
        .map(n -> n.path("id").asLong())
        .toList();
  }

  /**
   * Each variant's stock at every location ({@code GET /v3/inventory/items?variant_id:in=}, 100 ids
   * per call): variant id → location id → the count on hand ({@code total_inventory_onhand}).
   */
  public java.util.Map<Long, java.util.Map<Long, Integer>> stockByLocation(
      java.util.Collection<Long> variantIds) {
    java.util.Map<Long, java.util.Map<Long, Integer>> stock = new java.util.HashMap<>();
    for (List<Long> chunk : Batches.chunks(variantIds, INVENTORY_READ_IDS_PER_CALL)) {
      for (com.fasterxml.jackson.databind.JsonNode item :
          store.v3All(
              ApiRequest.get("/v3/inventory/items").with("variant_id:in", Batches.joined(chunk)))) {
        java.util.Map<Long, Integer> at =
            stock.computeIfAbsent(
                item.path("identity").path("variant_id").asLong(), v -> new java.util.HashMap<>());
        item.path("locations")
            .forEach(
                l ->
                    at.put(
                        l.path("location_id").asLong(), l.path("total_inventory_onhand").asInt()));
      }
    }
    return stock;
  }
}
