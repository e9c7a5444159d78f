package io.bcsync.bigcommerce.reading;

import io.bcsync.pipeline.Outcome;
import java.util.List;
import java.util.Map;

/**
 * Port: what happens to entities read from BigCommerce. {@code io.bcsync.sync.SalesforceSync}
 * writes them to Salesforce; without a Salesforce connection {@link LoggingFetchedEntityConsumer}
 * records what would be synced.
 *
 * <p>Returns one outcome per work item (by work item id), so a record that cannot be mapped or that
 * Salesforce rejects fails only its own item. An item missing from the map counts as done. Throwing
 * fails the whole batch (classified by the pipeline's FailureClassifier): only for failures of the
 * whole call, such as Salesforce being unreachable.
 */
public interface FetchedEntityConsumer {
  Map<Long, Outcome> accept(String storeHash, List<FetchedEntity> entities) throws Exception;
}
