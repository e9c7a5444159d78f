package io.bcsync.bigcommerce.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Splits work into BigCommerce's per-call limits. */
final class Batches {
  private Batches() {}

  static <T> List<List<T>> chunks(Collection<T> items, int size) {
    List<T> list = List.copyOf(items);
    List<List<T>> out = new ArrayList<>();
    for (int from = 0; from < list.size(); from += size) {
      out.add(list.subList(from, Math.min(list.size(), from + size)));
    }
    return out;
  }

  static String joined(Collection<?> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /**
   * Groups sorted ids into ranges one page can cover: every range spans fewer than {@code span}
   * consecutive ids, so even if every id in between exists, one page of that size holds the whole
   * range.
   */
  static List<long[]> idRanges(Collection<Long> ids, int span) {
    List<Long> sorted = ids.stream().distinct().sorted().toList();
    List<long[]> ranges = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= sorted.size(); i++) {
      if (i == sorted.size() || sorted.get(i) - sorted.get(start) >= span) {
        ranges.add(new long[] {sorted.get(start), sorted.get(i - 1)});
        start = i;
      }
    }
    return ranges;
  }
}
