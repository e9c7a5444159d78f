package io.bcsync.testsupport;

import io.bcsync.bigcommerce.reading.FetchedEntity;
import io.bcsync.bigcommerce.reading.FetchedEntityConsumer;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.SalesforceSync;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what the reading handler fetched from BigCommerce, batch by batch. */
@Singleton
@Replaces(SalesforceSync.class)
@Requires(property = "test.capture-fetched", value = "true")
public class CapturingConsumer implements FetchedEntityConsumer {
  public final List<List<FetchedEntity>> batches = new CopyOnWriteArrayList<>();

  @Override
  public Map<Long, Outcome> accept(String storeHash, List<FetchedEntity> entities) {
    batches.add(List.copyOf(entities));
    return Map.of();
  }

  public List<FetchedEntity> all() {
    return batches.stream().flatMap(List::stream).toList();
  }
}
