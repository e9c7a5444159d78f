package io.bcsync.bigcommerce.reading;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Until a Salesforce writer exists: logs what was read. Any other {@link FetchedEntityConsumer} replaces it. */
@Singleton
@Secondary
public class LoggingFetchedEntityConsumer implements FetchedEntityConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingFetchedEntityConsumer.class);

  @Override
  public void accept(String storeHash, List<FetchedEntity> entities) {
    long gone = entities.stream().filter(FetchedEntity::gone).count();
    LOG.info("Store {}: read {} entities from BigCommerce ({} no longer exist); no Salesforce writer configured yet",
        storeHash, entities.size(), gone);
  }
}
