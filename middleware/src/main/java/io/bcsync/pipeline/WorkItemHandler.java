package io.bcsync.pipeline;

import java.util.List;
import java.util.Map;

/**
 * The processing step: where the Salesforce sync plugs in. Receives a batch so writers can send up
 * to 200 records per Salesforce call.
 *
 * <p>Return an outcome per item id. An item missing from the map counts as a retryable failure
 * (nothing is lost because a handler forgot one). A thrown exception applies to the whole batch and
 * is classified by {@link FailureClassifier}.
 */
public interface WorkItemHandler {
  Map<Long, Outcome> handle(List<WorkItem> batch) throws Exception;
}
