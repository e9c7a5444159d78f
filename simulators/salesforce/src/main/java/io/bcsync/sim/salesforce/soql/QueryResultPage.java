package io.bcsync.sim.salesforce.soql;

import java.util.List;

/**
 * One batch of a query: records, total size across batches, and the locator for queryMore when not
 * done.
 */
public record QueryResultPage(
    List<ResultRecord> records, int totalSize, boolean done, String queryLocator) {}
