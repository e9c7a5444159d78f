package io.bcsync.sim.bigcommerce.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Batches;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Paging;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.store.Category;
import io.bcsync.sim.bigcommerce.store.Store;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Categories through the category-trees API ({@code /v3/catalog/trees/categories},
 * category-trees_catalog.v3.yml): list with {@code category_id:in}, {@code tree_id:in}, {@code
 * parent_id:in}, {@code name}; batch create. Products name their categories by id in their {@code
 * categories} field.
 */
public final class V3CategoriesApi {
  /**
   * The spec's batch create takes an array; 50 is a conservative bound (the spec states none for
   * this call).
   */
  static final int CREATE_BATCH_MAX = 50;

  /** The spec limits category names to 50 characters. */
  static final int NAME_MAX = 50;

  public void register(Router r) {
    r.add("GET", "/v3/catalog/trees/categories", this::list);
    r.add("POST", "/v3/catalog/trees/categories", this::create);
  }

  private ApiResponse list(ApiRequest req) {
    Predicate<Category> p = c -> true;
    Optional<List<String>> ids = req.queryList("category_id:in");
    Optional<List<String>> trees = req.queryList("tree_id:in");
    Optional<List<String>> parents = req.queryList("parent_id:in");
    Optional<String> name = req.query("name");
    if (ids.isPresent()) p = p.and(c -> ids.get().contains(String.valueOf(c.id)));
    if (trees.isPresent()) p = p.and(c -> trees.get().contains(String.valueOf(c.treeId)));
    if (parents.isPresent()) p = p.and(c -> parents.get().contains(String.valueOf(c.parentId)));
    if (name.isPresent()) p = p.and(c -> c.name.equals(name.get()));
    List<Category> all = req.store().categories.values().stream().filter(p).toList();
    Paging.Page page = Paging.of(req, 50);
    ArrayNode data = Json.array();
    page.slice(all).forEach(c -> data.add(category(c)));
    return ApiResponse.ok(Paging.v3Collection(data, all.size(), page));
  }

  private ApiResponse create(ApiRequest req) {
    JsonNode body = Batches.array(req, CREATE_BATCH_MAX);
    ArrayNode data = Json.array();
    for (JsonNode item : body) {
      data.add(category(create(req.store(), item)));
    }
    ObjectNode out = Json.object();
    out.set("data", data);
    out.putObject("meta").put("total", data.size()).put("success", data.size()).put("failed", 0);
    return ApiResponse.of(201, out);
  }

  /**
   * Creates one category from a create body: {@code name} and {@code tree_id} or {@code parent_id}
   * required.
   */
  public static Category create(Store store, JsonNode body) {
    String name = Json.text(body, "name", "").trim();
    if (name.isEmpty() || name.length() > NAME_MAX) {
      throw ApiException.unprocessable(
          "name", "The field 'name' is required and at most " + NAME_MAX + " characters long.");
    }
    if (!body.hasNonNull("tree_id") && !body.hasNonNull("parent_id")) {
      throw ApiException.unprocessable("tree_id", "Either 'tree_id' or 'parent_id' is required.");
    }
    Category c = new Category();
    c.id = store.nextId();
    c.name = name;
    c.parentId = Json.longValue(body, "parent_id", 0);
    Category parent = store.categories.get(c.parentId);
    if (c.parentId != 0 && parent == null) {
      throw ApiException.unprocessable(
          "parent_id", "Parent category " + c.parentId + " does not exist.");
    }
    c.treeId = parent != null ? parent.treeId : Json.longValue(body, "tree_id", 1);
    c.isVisible = !body.has("is_visible") || body.get("is_visible").asBoolean();
    c.sortOrder = (int) Json.longValue(body, "sort_order", 0);
    store.categories.put(c.id, c);
    return c;
  }

  static ObjectNode category(Category c) {
    ObjectNode n = Json.object();
    n.put("category_id", c.id);
    n.put("parent_id", c.parentId);
    n.put("tree_id", c.treeId);
    n.put("name", c.name);
    n.put("description", "");
    n.put("views", 0);
    n.put("sort_order", c.sortOrder);
    n.put("page_title", "");
    n.putArray("meta_keywords");
    n.put("meta_description", "");
    n.put("layout_file", "category.html");
    n.put("image_url", "");
    n.put("is_visible", c.isVisible);
    n.put("search_keywords", "");
    n.put("default_product_sort", "use_store_settings");
    n.putObject("url")
        .put(
            "path",
            "/" + c.name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "/")
        .put("is_customized", false);
    return n;
  }
}
