package io.bcsync.sim.bigcommerce.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code include_fields} / {@code exclude_fields} of the catalog's V3 reads: "Fields to include, in
 * a comma-separated list. The ID and the specified fields will be returned"; "The specified fields
 * will be excluded from a response. The ID cannot be excluded" (products_catalog.v3.yml,
 * product-variants_catalog.v3.yml). Sub-resources asked for with {@code include} (e.g. variants)
 * stay.
 */
public final class FieldSelection {
  private final Optional<Set<String>> included;
  private final Set<String> excluded;

  private FieldSelection(Optional<Set<String>> included, Set<String> excluded) {
    this.included = included;
    this.excluded = excluded;
  }

  public static FieldSelection of(ApiRequest request) {
    Optional<Set<String>> included =
        request.queryList("include_fields").map(l -> (Set<String>) new HashSet<>(l));
    Set<String> excluded = new HashSet<>(request.queryList("exclude_fields").orElse(List.of()));
    Set<String> subResources = new HashSet<>(request.queryList("include").orElse(List.of()));
    return new FieldSelection(
        included.map(
            set -> {
              set.add("id");
              set.addAll(subResources);
              return set;
            }),
        excluded);
  }

  /** The node with only the selected fields (the same node, changed in place). */
  public JsonNode apply(JsonNode node) {
    if (!(node instanceof ObjectNode object)) {
      return node;
    }
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      boolean dropped =
          included.map(set -> !set.contains(name)).orElse(false)
              || (excluded.contains(name) && !name.equals("id"));
      if (dropped) {
        object.remove(name);
      }
    }
    return object;
  }
}
