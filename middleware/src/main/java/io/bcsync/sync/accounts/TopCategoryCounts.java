package io.bcsync.sync.accounts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Top categories of companies and of customers, from the same ledger shape: per key (company or
 * Contact) the product ids of each of its orders. A category counts once per order that has any of
 * its products, so one big order does not outrank many small ones.
 */
final class TopCategoryCounts {
  private TopCategoryCounts() {}

  /** Every product id of every order, for one lookup of their category names. */
  static Set<Long> productIds(Map<String, List<List<Long>>> productsPerOrder) {
    return productsPerOrder.values().stream()
        .flatMap(List::stream)
        .flatMap(List::stream)
        .collect(Collectors.toSet());
  }

  /** The ranked names per key ({@link CompanyRollup#ranked}); null for a key without categories. */
  static Map<String, String> ranked(
      Set<String> keys,
      Map<String, List<List<Long>>> productsPerOrder,
      Map<Long, Set<String>> categoryNames,
      int limit) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : keys) {
      Map<String, Long> ordersPerCategory = new HashMap<>();
      for (List<Long> products : productsPerOrder.getOrDefault(key, List.of())) {
        Set<String> inOrder = new HashSet<>();
        products.forEach(p -> inOrder.addAll(categoryNames.getOrDefault(p, Set.of())));
        inOrder.forEach(name -> ordersPerCategory.merge(name, 1L, Long::sum));
      }
      out.put(key, CompanyRollup.ranked(ordersPerCategory, limit));
    }
    return out;
  }
}
