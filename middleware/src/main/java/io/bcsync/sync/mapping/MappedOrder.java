package io.bcsync.sync.mapping;

import java.util.List;

/**
 * An order's header record and one record per order product, in the order BigCommerce listed them.
 */
public record MappedOrder(MappedRecord header, List<MappedRecord> lines) {
  public MappedOrder {
    lines = List.copyOf(lines);
  }
}
