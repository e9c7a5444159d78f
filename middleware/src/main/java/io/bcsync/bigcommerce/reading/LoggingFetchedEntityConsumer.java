package io.bcsync.bigcommerce.reading;

import io.bcsync.pipeline.Outcome;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without a Salesforce connection (bcsync.salesforce.auth-mode=none): logs what was read. Any other
 * {@link FetchedEntityConsumer} replaces it.
 */
@Singleton
@Secondary
public class LoggingFetchedEntityConsumer implements FetchedEntityConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingFetchedEntityConsumer.class);

  @Override
  public Map<Long, Outcome> accept(String storeHash, List<FetchedEntity> entities) {
    long gone = entities.stream().filter(FetchedEntity::gone).count();
    LOG.info(
        "Store {}: read {} entities from BigCommerce ({} no longer exist); Salesforce is not configured",
        storeHash,
        entities.size(),
        gone);
    return Map.of();
  }
}
