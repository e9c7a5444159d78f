package io.bcsync.sync.mapping;

import java.util.Locale;
import java.util.Optional;

/**
 * Which document an object's JSONPaths are evaluated against (see {@link SourceDocuments}): {@code
 * order} is {@code {store, order}}, {@code order_line} is {@code {store, order, line}} once per
 * order product, {@code customer} is {@code {store, customer}}.
 */
public enum SourceKind {
  ORDER,
  ORDER_LINE,
  CUSTOMER;

  public static Optional<SourceKind> fromYaml(String value) {
    for (SourceKind kind : values()) {
      if (kind.yamlName().equals(value)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
