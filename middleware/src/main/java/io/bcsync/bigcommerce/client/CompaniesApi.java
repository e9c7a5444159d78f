package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * B2B Edition companies, read from the B2B host ({@code /api/v3/io/companies}) through that host's
 * own rate budget. Responses use a {@code {code, data, meta}} envelope; lists page by {@code
 * offset}/{@code limit} with {@code meta.pagination.totalCount}.
 */
public final class CompaniesApi {
  /**
   * Companies per page. The spec bounds {@code limit} below 250 (exclusive maximum) and defaults it
   * to 10; 200 keeps the call count low on a host that allows only about 150 calls a minute without
   * touching the bound.
   */
  static final int PAGE = 200;

  private final BigCommerceTransport transport;
  private final String storeHash;
  private final String accessToken;

  CompaniesApi(BigCommerceTransport transport, String storeHash, String accessToken) {
    this.transport = transport;
    this.storeHash = storeHash;
    this.accessToken = accessToken;
  }

  /** Every company of the store. */
  public List<Company> list() {
    return all(ApiRequest.get("/companies"));
  }

  /** Companies changed at or after {@code since} (whole seconds; the API filters on Unix time). */
  public List<Company> modifiedSince(Instant since) {
    return all(ApiRequest.get("/companies").with("minModified", since.getEpochSecond()));
  }

  /**
   * Every company user (B2B Edition buyer) with the BigCommerce customer it is and the company it
   * acts for: the membership of the whole store in {@code users / 200} calls.
   */
  public List<CompanyUser> users() {
    return all(ApiRequest.get("/users"), CompanyUser::from, CompanyUser::id);
  }

  /** Users changed after {@code since} (the API filters on whole Unix seconds, exclusive). */
  public List<CompanyUser> usersModifiedSince(Instant since) {
    return all(
        ApiRequest.get("/users").with("minModified", since.getEpochSecond()),
        CompanyUser::from,
        CompanyUser::id);
  }

  /** One company; empty when it does not exist (404). */
  public Optional<Company> get(long companyId) {
    ApiRequest request = ApiRequest.get("/companies/" + companyId);
    ApiResponse response = transport.call(storeHash, accessToken, request);
    if (response.status() == 404 || response.isEmpty()) {
      return Optional.empty();
    }
    JsonNode data = B2bEnvelope.data(storeHash, request, response);
    return data.isObject() && !data.isEmpty() ? Optional.of(Company.from(data)) : Optional.empty();
  }

  /**
   * Pages by offset until the reported total is reached, or until an empty page when the total is
   * missing. Offset pages over a list that changes meanwhile can repeat a row (deduplicated here by
   * id) or skip one; the overlapping {@code ...modifiedSince} reads are what make up for a skip.
   */
  private List<Company> all(ApiRequest request) {
    return all(request, Company::from, Company::id);
  }

  private <T> List<T> all(ApiRequest request, Function<JsonNode, T> reader, Function<T, Long> id) {
    Map<Long, T> found = new LinkedHashMap<>();
    int offset = 0;
    while (true) {
      ApiRequest page = request.replacing("limit", PAGE).replacing("offset", offset);
      ApiResponse response = transport.call(storeHash, accessToken, page);
      if (response.status() == 404 || response.isEmpty()) {
        break;
      }
      JsonNode data = B2bEnvelope.data(storeHash, page, response);
      List<JsonNode> rows = Fields.elements(data);
      if (rows.isEmpty()) {
        break;
      }
      rows.stream().map(reader).forEach(row -> found.putIfAbsent(id.apply(row), row));
      offset += rows.size();
      long total = response.body().path("meta").path("pagination").path("totalCount").asLong(-1);
      if (total >= 0 && offset >= total) {
        break;
      }
    }
    return new ArrayList<>(found.values());
  }
}
