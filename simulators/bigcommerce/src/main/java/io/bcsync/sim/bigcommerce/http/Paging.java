package io.bcsync.sim.bigcommerce.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Page/limit handling for both API generations. */
public final class Paging {
  public static final int MAX_LIMIT = 250;

  private Paging() {}

  /** A requested page, 1-based. */
  public record Page(int page, int limit) {
    public <T> List<T> slice(List<T> all) {
      int from = Math.min(all.size(), (page - 1) * limit);
      int to = Math.min(all.size(), from + limit);
      return all.subList(from, to);
    }
  }

  /**
   * page defaults to 1, limit to the given default; limits above 250 are capped as BigCommerce
   * does.
   */
  public static Page of(ApiRequest request, int defaultLimit) {
    long page = request.queryLong("page").orElse(1L);
    long limit = request.queryLong("limit").orElse((long) defaultLimit);
    if (page < 1 || limit < 1) {
      throw new ApiException(400, "page and limit must be positive integers.");
    }
    return new Page((int) page, (int) Math.min(limit, MAX_LIMIT));
  }

  /** V3 collection envelope: {data: [...], meta: {pagination: {...}}}. */
  public static ObjectNode v3Collection(ArrayNode data, int total, Page page) {
    ObjectNode body = Json.object();
    body.set("data", data);
    ObjectNode pagination = body.putObject("meta").putObject("pagination");
    int totalPages = total == 0 ? 0 : (total + page.limit() - 1) / page.limit();
    pagination.put("total", total);
    pagination.put("count", data.size());
    pagination.put("per_page", page.limit());
    pagination.put("current_page", page.page());
    pagination.put("total_pages", totalPages);
    ObjectNode links = pagination.putObject("links");
    if (page.page() > 1) {
      links.put("previous", "?page=" + (page.page() - 1) + "&limit=" + page.limit());
    }
    links.put("current", "?page=" + page.page() + "&limit=" + page.limit());
    if (page.page() < totalPages) {
      links.put("next", "?page=" + (page.page() + 1) + "&limit=" + page.limit());
    }
    return body;
  }

  /** V3 single-resource envelope: {data: {...}, meta: {}}. */
  public static ObjectNode v3Single(JsonNode data) {
    ObjectNode body = Json.object();
    body.set("data", data);
    body.putObject("meta");
    return body;
  }

  /** V3 batch response: {data: [...], meta: {}}. */
  public static ObjectNode v3Batch(ArrayNode data) {
    ObjectNode body = Json.object();
    body.set("data", data);
    body.putObject("meta");
    return body;
  }
}
