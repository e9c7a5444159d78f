package io.bcsync.sync.mapping;

import java.util.List;

/**
 * How one Salesforce object is filled.
 *
 * @param parent for {@code order_line} objects, the order object whose lines they are (e.g.
 *     OrderItem → Order)
 * @param linkedBySync fields the sync itself sets from records it links or ensures (AccountId,
 *     OrderId, PricebookEntryId, ...), so a required field need not be mapped from JSON
 */
public record ObjectMapping(
    String object,
    SourceKind source,
    String parent,
    List<FieldMapping> fields,
    List<String> linkedBySync,
    SourceLocation location) {

  public ObjectMapping {
    fields = List.copyOf(fields);
    linkedBySync = List.copyOf(linkedBySync);
  }
}
