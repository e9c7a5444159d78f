package io.bcsync.sim.bigcommerce.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Page or cursor paging of a V3 collection that offers both (customers.v3.yml, {@code
 * _metaCollectionWithCursorPagination}): "Both pagination and cursor_pagination would be returned
 * in the first page. Only pagination would be returned when page is greater than 1. Only
 * cursor_pagination would be returned when before or after is provided in the request", and {@code
 * page} is ignored then. Cursors are opaque; like the spec's examples ("aWQ6Nw==") they encode the
 * id of an item ("id:7"). A cursor naming no item of the collection is refused (422), where
 * BigCommerce's answer is undocumented.
 */
public final class CursorPaging {
  private CursorPaging() {}

  public static <T> ObjectNode collection(
      ApiRequest req,
      List<T> all,
      ToLongFunction<T> idOf,
      Function<T, com.fasterxml.jackson.databind.JsonNode> render,
      int defaultLimit) {
    Optional<String> after = req.query("after");
    Optional<String> before = req.query("before");
    if (after.isPresent() && before.isPresent()) {
      throw ApiException.unprocessable("after", "after and before cannot be used together.");
    }
    Paging.Page page = Paging.of(req, defaultLimit);
    int limit = page.limit();
    int from;
    int to;
    if (after.isPresent()) {
      from = indexOf(all, idOf, after.get(), "after") + 1;
      to = Math.min(all.size(), from + limit);
    } else if (before.isPresent()) {
      to = indexOf(all, idOf, before.get(), "before");
      from = Math.max(0, to - limit);
    } else {
      List<T> slice = page.slice(all);
      from = Math.min(all.size(), (page.page() - 1) * limit);
      to = from + slice.size();
    }
    ArrayNode data = Json.array();
    all.subList(from, to).forEach(item -> data.add(render.apply(item)));
    boolean cursorRequest = after.isPresent() || before.isPresent();
    ObjectNode body = cursorRequest ? Json.object() : Paging.v3Collection(data, all.size(), page);
    if (cursorRequest) {
      body.set("data", data);
      body.putObject("meta");
    }
    if (cursorRequest || page.page() == 1) {
      ObjectNode cursor = ((ObjectNode) body.get("meta")).putObject("cursor_pagination");
      cursor.put("count", data.size());
      cursor.put("per_page", limit);
      ObjectNode links = cursor.putObject("links");
      if (to > from) {
        String start = encode(idOf.applyAsLong(all.get(from)));
        String end = encode(idOf.applyAsLong(all.get(to - 1)));
        cursor.put("start_cursor", start);
        cursor.put("end_cursor", end);
        if (from > 0) {
          links.put("previous", "?limit=" + limit + "&before=" + url(start));
        }
        if (to < all.size()) {
          links.put("next", "?limit=" + limit + "&after=" + url(end));
        }
      }
    }
    return body;
  }

  static String encode(long id) {
    return Base64.getEncoder().encodeToString(("id:" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static <T> int indexOf(List<T> all, ToLongFunction<T> idOf, String cursor, String name) {
    long id;
    try {
      String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!decoded.startsWith("id:")) {
        throw new IllegalArgumentException(decoded);
      }
      id = Long.parseLong(decoded.substring(3));
    } catch (IllegalArgumentException e) {
      throw ApiException.unprocessable(name, "The cursor is not valid.");
    }
    for (int i = 0; i < all.size(); i++) {
      if (idOf.applyAsLong(all.get(i)) == id) {
        return i;
      }
    }
    throw ApiException.unprocessable(name, "The cursor is not valid.");
  }

  private static String url(String cursor) {
    return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
  }
}
