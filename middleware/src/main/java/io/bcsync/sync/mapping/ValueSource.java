package io.bcsync.sync.mapping;

import com.jayway.jsonpath.JsonPath;
import java.util.List;

/** Where a field's value comes from, before any transform. */
public sealed interface ValueSource {

  /** A JSONPath (Jayway) over the source document. */
  record Path(String expression, JsonPath compiled) implements ValueSource {}

  /** A fixed value as written in the mapping file. */
  record Constant(String value) implements ValueSource {}

  /**
   * The parts joined with the separator. By default a blank part makes the whole value absent, so
   * an id such as {@code {store}:{customer id}} is never written half-built; with {@code skipBlank}
   * blank parts are left out (address lines) and only all-blank gives nothing.
   */
  record Concat(List<ValueSource> parts, String separator, boolean skipBlank)
      implements ValueSource {
    public Concat {
      parts = List.copyOf(parts);
    }
  }

  /**
   * Money arithmetic without a formula language: every number the {@code add} paths select, minus
   * every number the {@code subtract} paths select, divided by the number at {@code divideBy}
   * (null: not divided). A definite path ({@code $.line.total_ex_tax}) names one value that must be
   * there, else the whole value is absent, like a concat part; an indefinite one ({@code
   * $.line.applied_discounts[*].amount}) is a list that may be empty and then adds nothing, so a
   * line without discounts sums to 0.
   */
  record Sum(List<Path> add, List<Path> subtract, Path divideBy) implements ValueSource {
    public Sum {
      add = List.copyOf(add);
      subtract = List.copyOf(subtract);
    }
  }
}
