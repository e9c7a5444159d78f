package io.bcsync.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits the values of an {@code IN (...)} list into statements of at most {@value #SIZE}
 * parameters. Repositories expand a collection parameter into one placeholder per value; bounding
 * the count keeps each statement far below both databases' parameter limits (MySQL: 65,535) and
 * keeps a batch of thousands of ids from becoming one huge statement.
 */
public final class Chunks {
  static final int SIZE = 500;

  private Chunks() {}

  public static <T> List<List<T>> of(Collection<T> values) {
    List<T> list = List.copyOf(values);
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < list.size(); from += SIZE) {
      chunks.add(list.subList(from, Math.min(list.size(), from + SIZE)));
    }
    return chunks;
  }
}
