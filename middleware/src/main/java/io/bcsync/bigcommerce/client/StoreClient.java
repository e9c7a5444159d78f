package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The REST API of one store, with its access token: pagination in the three styles BigCommerce uses
 * (V2 pages until a short page or a 204, V3 offset pages with {@code meta.pagination}, V3 cursors
 * with {@code meta.cursor_pagination}) and the typed endpoint groups.
 */
public final class StoreClient {
  /** The largest page BigCommerce serves. */
  public static final int MAX_PAGE = 250;

  private final BigCommerceTransport transport;
  private final BigCommerceTransport b2bTransport;
  private final String storeHash;
  private final String accessToken;

  StoreClient(BigCommerceTransport transport, String storeHash, String accessToken) {
    this(transport, null, storeHash, accessToken);
  }

  /**
   * @param b2bTransport the B2B Edition host's transport, or null where B2B is not used
   */
  StoreClient(
      BigCommerceTransport transport,
      BigCommerceTransport b2bTransport,
      String storeHash,
      String accessToken) {
    this.transport = transport;
    this.b2bTransport = b2bTransport;
    this.storeHash = storeHash;
    this.accessToken = accessToken;
  }

  public String storeHash() {
    return storeHash;
  }

  public OrdersApi orders() {
    return new OrdersApi(this);
  }

  public CustomersApi customers() {
    return new CustomersApi(this);
  }

  public CatalogApi catalog() {
    return new CatalogApi(this);
  }

  public PricingApi pricing() {
    return new PricingApi(this);
  }

  public HooksApi hooks() {
    return new HooksApi(this);
  }

  /**
   * B2B Edition companies, on the separate B2B host with the same token (which needs the B2B
   * Edition scope; without it the host answers 401/403, a permanent failure).
   */
  public CompaniesApi companies() {
    if (b2bTransport == null) {
      throw new IllegalStateException("this client was built without a B2B Edition transport");
    }
    return new CompaniesApi(b2bTransport, storeHash, accessToken);
  }

  /** {@code GET /v2/store}: maps the hash to the numeric store id webhooks carry. */
  public Dtos.StoreInfo storeInfo() {
    return Dtos.StoreInfo.from(require(ApiRequest.get("/v2/store")).body());
  }

  /**
   * {@code GET /v2/store}: the store's time zone name ({@code timezone.name}, an IANA id such as
   * {@code Europe/Paris}); empty text when the store does not say.
   */
  public String timeZoneName() {
    return require(ApiRequest.get("/v2/store")).body().path("timezone").path("name").asText("");
  }

  /** {@code GET /v2/customer_groups}, every page: the name of each customer group by id. */
  public java.util.Map<Long, String> customerGroupNames() {
    java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
    for (JsonNode group : v2All(ApiRequest.get("/v2/customer_groups"))) {
      names.put(group.path("id").asLong(), group.path("name").asText(""));
    }
    return names;
  }

  ObjectMapper mapper() {
    return transport.mapper();
  }

  ApiResponse call(ApiRequest request) {
    return transport.call(storeHash, accessToken, request);
  }

  /** A call whose 404 is a failure, not "deleted". */
  ApiResponse require(ApiRequest request) {
    ApiResponse response = call(request);
    if (response.status() == 404) {
      throw new PermanentBigCommerceException(
          404, request.describe() + " on store " + storeHash + " not found");
    }
    return response;
  }

  /**
   * A single resource: empty when BigCommerce answers 404. V3 resources are unwrapped from {@code
   * data}.
   */
  Optional<JsonNode> one(ApiRequest request) {
    ApiResponse response = call(request);
    if (response.status() == 404 || response.isEmpty()) {
      return Optional.empty();
    }
    JsonNode body = response.body();
    return Optional.of(
        request.path().startsWith("/v3/") && body.has("data") ? body.get("data") : body);
  }

  /** Every page of a V2 collection. 204 (no content) is an empty page. */
  List<JsonNode> v2All(ApiRequest request) {
    List<JsonNode> all = new ArrayList<>();
    v2Each(request, all::add);
    return all;
  }

  /**
   * Every element of a V2 collection, handed over page by page: only the current page is held, so a
   * caller that keeps less than the whole element reads any number of pages in bounded memory.
   */
  void v2Each(ApiRequest request, Consumer<JsonNode> each) {
    for (int page = 1; ; page++) {
      ApiResponse response = call(request.replacing("limit", MAX_PAGE).replacing("page", page));
      if (response.status() == 404 || response.isEmpty() || !response.body().isArray()) {
        return;
      }
      response.body().forEach(each);
      if (response.body().size() < MAX_PAGE) {
        return;
      }
    }
  }

  /**
   * A V3 collection whose operation defines no paging parameters (an order's transactions, its
   * refunds): one call, no {@code limit} or {@code page}, which the spec does not define there.
   */
  List<JsonNode> v3Unpaged(ApiRequest request) {
    ApiResponse response = call(request);
    List<JsonNode> all = new ArrayList<>();
    if (response.status() == 404 || response.isEmpty()) {
      return all;
    }
    response.body().path("data").forEach(all::add);
    return all;
  }

  /**
   * Every page of a V3 collection: follows cursors when the endpoint offers them, else page
   * numbers.
   */
  List<JsonNode> v3All(ApiRequest request) {
    List<JsonNode> all = new ArrayList<>();
    v3Each(request, all::add);
    return all;
  }

  /**
   * Every element of a V3 collection, handed over page by page (cursors or page numbers, as {@link
   * #v3All}): only the current page is held.
   */
  void v3Each(ApiRequest request, Consumer<JsonNode> each) {
    ApiRequest current = request.replacing("limit", MAX_PAGE);
    int page = 1;
    while (true) {
      ApiResponse response = call(current);
      if (response.status() == 404 || response.isEmpty()) {
        return;
      }
      JsonNode body = response.body();
      body.path("data").forEach(each);
      JsonNode cursor = body.path("meta").path("cursor_pagination");
      String endCursor = cursor.path("end_cursor").asText("");
      if (!endCursor.isEmpty() && !cursor.path("links").path("next").asText("").isEmpty()) {
        current = request.replacing("limit", MAX_PAGE).replacing("after", endCursor);
        continue;
      }
      JsonNode pagination = body.path("meta").path("pagination");
      int totalPages = pagination.path("total_pages").asInt(1);
      if (page >= totalPages || body.path("data").isEmpty()) {
        return;
      }
      page++;
      current = request.replacing("limit", MAX_PAGE).replacing("page", page);
    }
  }
}
