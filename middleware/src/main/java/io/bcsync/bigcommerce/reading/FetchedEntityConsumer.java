package io.bcsync.bigcommerce.reading;

import java.util.List;

/**
 * Port: what happens to entities read from BigCommerce. The Salesforce writer implements it; until then
 * {@link LoggingFetchedEntityConsumer} records what would be synced. Throwing fails the whole batch (classified by
 * the pipeline's FailureClassifier).
 */
public interface FetchedEntityConsumer {
  void accept(String storeHash, List<FetchedEntity> entities) throws Exception;
}
