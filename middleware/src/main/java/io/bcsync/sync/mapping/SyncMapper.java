package io.bcsync.sync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps BigCommerce documents ({@link SourceDocuments}) to Salesforce field values with a validated
 * {@link SyncMapping}. Pure: no I/O, no Salesforce ids; the writer adds the fields listed in {@code
 * linked_by_sync}.
 */
public final class SyncMapper {
  private final SyncMapping mapping;
  private final RecordMapper records;

  public SyncMapper(SyncMapping mapping) {
    this.mapping = mapping;
    this.records = new RecordMapper(mapping::lookup);
  }

  /**
   * The order as {@code orderObject} (e.g. the store's {@link OrderTarget}) plus one line record
   * per element of {@code $.order.products}, mapped with the {@code order_line} object whose parent
   * is {@code orderObject}.
   *
   * @param orderDocument from {@link SourceDocuments#order}
   * @throws RecordMappingException when a required value is missing or a value does not convert
   */
  public MappedOrder mapOrder(String orderObject, JsonNode orderDocument) {
    ResolvedObject header = object(orderObject, SourceKind.ORDER);
    JsonNode products = orderDocument.path("order").path("products");
    if (!products.isArray()) {
      // V2 returns {url, resource} here until the products are fetched. Mapping such an order as
      // "no lines" would let
      // the writer remove every line of the Salesforce order, so it is refused.
      throw new IllegalArgumentException(
          "order document without a products array: fetch /v2/orders/{id}/products"
              + " and pass it to SourceDocuments.order");
    }
    MappedRecord mappedHeader = records.map(header, orderDocument);
    List<MappedRecord> lines = new ArrayList<>();
    mapping
        .linesOf(orderObject)
        .ifPresent(
            lineObject -> {
              for (JsonNode product : products) {
                lines.add(records.map(lineObject, SourceDocuments.line(orderDocument, product)));
              }
            });
    return new MappedOrder(mappedHeader, lines);
  }

  /**
   * A Contact, Lead or Account from a customer document ({@link SourceDocuments#customer} or {@link
   * SourceDocuments#guestCustomer}).
   */
  public MappedRecord mapCustomer(String object, JsonNode customerDocument) {
    return records.map(object(object, SourceKind.CUSTOMER), customerDocument);
  }

  private ResolvedObject object(String name, SourceKind expected) {
    ResolvedObject object =
        mapping
            .object(name)
            .orElseThrow(() -> new IllegalArgumentException("no mapping for object " + name));
    if (object.mapping().source() != expected) {
      throw new IllegalArgumentException(
          name
              + " is mapped from "
              + object.mapping().source().yamlName()
              + ", not "
              + expected.yamlName());
    }
    return object;
  }
}
