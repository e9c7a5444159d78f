package io.bcsync.bigcommerce.reading;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.bigcommerce.client.StoreClient;
import io.bcsync.pipeline.WorkItem;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the entities of a batch of work items from one store in as few calls as the API allows:
 * orders by id range with line items inlined, customers and products with {@code id:in}. Records
 * which version was read so the catch-up poll does not enqueue changes already seen.
 */
@Singleton
public class EntityBatchReader {
  /** Entity types this reader can fetch; other items are passed through unread. */
  public static final List<String> READABLE = List.of("order", "customer", "product");

  private final EntityVersions versions;

  public EntityBatchReader(EntityVersions versions) {
    this.versions = versions;
  }

  /** Items of one store, all of a {@link #READABLE} type. */
  public List<FetchedEntity> read(StoreClient store, List<WorkItem> items) {
    List<FetchedEntity> out = new ArrayList<>();
    out.addAll(
        readType(
            store,
            items,
            "order",
            ids -> store.orders().readDocuments(ids),
            d -> new Read(d.order(), d.json(), d.order().dateModified())));
    out.addAll(
        readType(
            store,
            items,
            "customer",
            ids -> store.customers().readDocuments(ids),
            d -> new Read(d.customer(), d.json(), d.customer().dateModified())));
    out.addAll(
        readType(
            store,
            items,
            "product",
            ids -> store.catalog().readByIds(ids),
            p -> new Read(p, null, p.dateModified())));
    return out;
  }

  private record Read(Object resource, JsonNode document, Instant dateModified) {}

  private <T> List<FetchedEntity> readType(
      StoreClient store,
      List<WorkItem> items,
      String type,
      Function<List<Long>, Map<Long, T>> fetch,
      Function<T, Read> toRead) {
    List<WorkItem> ofType =
        items.stream().filter(item -> item.entity().type().equals(type)).toList();
    if (ofType.isEmpty()) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>();
    List<FetchedEntity> out = new ArrayList<>();
    for (WorkItem item : ofType) {
      try {
        ids.add(Long.parseLong(item.entity().id()));
      } catch (NumberFormatException e) {
        // Not a BigCommerce id: nothing to read, and retrying will not change that.
        out.add(new FetchedEntity(item, null));
      }
    }
    Map<Long, T> found = fetch.apply(ids);
    Map<String, Long> read = new HashMap<>();
    for (WorkItem item : ofType) {
      if (out.stream().anyMatch(f -> f.item() == item)) {
        continue;
      }
      T resource = found.get(Long.parseLong(item.entity().id()));
      if (resource == null) {
        out.add(new FetchedEntity(item, null));
        continue;
      }
      Read r = toRead.apply(resource);
      out.add(new FetchedEntity(item, r.resource(), r.document()));
      if (r.dateModified() != null) {
        read.put(item.entity().id(), r.dateModified().toEpochMilli());
      }
    }
    versions.recordRead(store.storeHash(), type, read);
    return out;
  }
}
