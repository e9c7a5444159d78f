package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** V3 customers (batch reads by id or e-mail, batch updates) and V2 customer groups. */
public final class CustomersApi {
  /**
   * Ids per {@code id:in} call: keeps the URL short while still reading many customers per call.
   */
  static final int IDS_PER_CALL = 100;

  /** BigCommerce accepts at most 10 customers per create or update. */
  static final int UPDATES_PER_CALL = 10;

  private final StoreClient store;

  CustomersApi(StoreClient store) {
    this.store = store;
  }

  /**
   * Customers without sub-resources, a full page ({@link StoreClient#MAX_PAGE}, the documented
   * limit) of ids per call: the echo check of a burst of our own customer writes reads them all
   * back. 250 ids of at most ten digits keep the URL under 3 KB.
   */
  public Map<Long, Dtos.Customer> readByIds(Collection<Long> ids) {
    Map<Long, Dtos.Customer> found = new LinkedHashMap<>();
    for (List<Long> chunk :
        Batches.chunks(ids.stream().distinct().sorted().toList(), StoreClient.MAX_PAGE)) {
      store.v3All(ApiRequest.get("/v3/customers").with("id:in", Batches.joined(chunk))).stream()
          .map(Dtos.Customer::from)
          .forEach(customer -> found.put(customer.id(), customer));
    }
    return found;
  }

  /**
   * A customer as typed fields and as the V3 JSON (with {@code addresses}) the sync mapping reads.
   */
  public record CustomerDocument(Dtos.Customer customer, JsonNode json) {}

  /**
   * Like {@link #readByIds}, with addresses included and the raw documents kept; {@link
   * #IDS_PER_CALL} ids per call.
   */
  public Map<Long, CustomerDocument> readDocuments(Collection<Long> ids) {
    Map<Long, CustomerDocument> found = new LinkedHashMap<>();
    for (List<Long> chunk :
        Batches.chunks(ids.stream().distinct().sorted().toList(), IDS_PER_CALL)) {
      for (JsonNode json :
          store.v3All(
              ApiRequest.get("/v3/customers")
                  .with("id:in", Batches.joined(chunk))
                  .with("include", "addresses"))) {
        Dtos.Customer customer = Dtos.Customer.from(json);
        found.put(customer.id(), new CustomerDocument(customer, json));
      }
    }
    return found;
  }

  public List<Dtos.Customer> readByEmails(Collection<String> emails) {
    return Batches.chunks(emails.stream().distinct().toList(), 50).stream()
        .flatMap(
            chunk ->
                store
                    .v3All(
                        ApiRequest.get("/v3/customers").with("email:in", String.join(",", chunk)))
                    .stream())
        .map(Dtos.Customer::from)
        .toList();
  }

  /**
   * Customers modified at or after {@code since}, oldest change first, handed to {@code each} page
   * by page (one page held at a time).
   */
  public void modifiedSince(Instant since, Consumer<Dtos.Customer> each) {
    store.v3Each(
        ApiRequest.get("/v3/customers")
            .with("date_modified:min", since.toString())
            .with("sort", "date_modified:asc"),
        customer -> each.accept(Dtos.Customer.from(customer)));
  }

  /**
   * One page of the customers modified in {@code [since, until]} ({@code until} may be null),
   * oldest account first. V3 customers cannot be filtered or sorted by id, so callers walking the
   * whole collection page by page sort by {@code date_created}, which never changes: edits do not
   * move a customer, new accounts land on the last page. Raw JSON, so callers can build matching
   * profiles from it; {@code withAddresses} inlines the addresses.
   */
  public CustomerPage modifiedPage(Instant since, Instant until, int page, boolean withAddresses) {
    if (page < 1) {
      throw new IllegalArgumentException("pages are numbered from 1");
    }
    ApiRequest request =
        ApiRequest.get("/v3/customers")
            .with("date_modified:min", since.toString())
            .with("sort", "date_created:asc")
            .with("limit", StoreClient.MAX_PAGE)
            .with("page", page);
    if (until != null) {
      request = request.with("date_modified:max", until.toString());
    }
    if (withAddresses) {
      request = request.with("include", "addresses");
    }
    ApiResponse response = store.call(request);
    if (response.status() == 404 || response.isEmpty()) {
      return new CustomerPage(List.of(), 0, 0);
    }
    JsonNode pagination = response.body().path("meta").path("pagination");
    List<JsonNode> customers = Fields.elements(response.body().path("data"));
    return new CustomerPage(
        customers,
        pagination.path("total").asLong(customers.size()),
        pagination.path("total_pages").asInt(customers.isEmpty() ? 0 : page));
  }

  /**
   * A page of V3 customers as BigCommerce sent them, with the collection's size when the page was
   * read.
   */
  public record CustomerPage(List<JsonNode> customers, long total, int totalPages) {
    public List<Long> ids() {
      return customers.stream().map(c -> Fields.longValue(c, "id")).toList();
    }
  }

  /**
   * Updates customers ten per call (the platform's limit, 413 above it; at most three such calls
   * run at once per store). Returns the customers as BigCommerce saved them.
   */
  public List<Dtos.Customer> update(List<CustomerUpdate> updates) {
    return Batches.chunks(updates, UPDATES_PER_CALL).stream()
        .flatMap(
            chunk -> {
              ArrayNode body = store.mapper().valueToTree(chunk);
              return Fields.elements(
                  store.require(ApiRequest.write("PUT", "/v3/customers", body)).body().path("data"))
                  .stream();
            })
        .map(Dtos.Customer::from)
        .toList();
  }

  /**
   * Creates customers (V3 {@code customer_Post} bodies), ten per call; returns them as BigCommerce
   * saved them, in the order sent.
   */
  public List<Dtos.Customer> create(List<? extends JsonNode> customers) {
    return Batches.chunks(customers, UPDATES_PER_CALL).stream()
        .flatMap(
            chunk -> {
              ArrayNode body = store.mapper().createArrayNode();
              chunk.forEach(body::add);
              return Fields.elements(
                  store
                      .require(ApiRequest.write("POST", "/v3/customers", body))
                      .body()
                      .path("data"))
                  .stream();
            })
        .map(Dtos.Customer::from)
        .toList();
  }

  public List<Dtos.CustomerGroup> groups() {
    return store.v2All(ApiRequest.get("/v2/customer_groups")).stream()
        .map(Dtos.CustomerGroup::from)
        .toList();
  }

  public Dtos.CustomerGroup createGroup(String name) {
    ObjectNode body = store.mapper().createObjectNode().put("name", name);
    return Dtos.CustomerGroup.from(
        store.require(ApiRequest.write("POST", "/v2/customer_groups", body)).body());
  }
}
