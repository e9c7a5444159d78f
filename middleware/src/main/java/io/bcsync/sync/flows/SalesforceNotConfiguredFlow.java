package io.bcsync.sync.flows;

import io.bcsync.config.SalesforceNotConfigured;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.orders.OrderIdWriteBack;
import io.bcsync.sync.routing.Flow;
import io.bcsync.sync.routing.Origin;
import io.bcsync.sync.routing.WorkKind;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Without a Salesforce connection ({@code bcsync.salesforce.auth-mode: none}) BigCommerce changes
 * are still received and kept, but there is nowhere to write them: their items end SKIPPED with
 * that reason, so an operator sees why nothing reaches Salesforce. A backfill brings them over once
 * Salesforce is configured.
 */
@Singleton
@Requires(condition = SalesforceNotConfigured.class)
public class SalesforceNotConfiguredFlow implements Flow {
  static final String REASON =
      "Salesforce is not configured (bcsync.salesforce.auth-mode=none): received, not synced";

  @Override
  public String name() {
    return "salesforce-not-configured";
  }

  @Override
  public boolean handles(WorkKind kind) {
    return kind.origin() == Origin.BIGCOMMERCE
        && (BigCommerceToSalesforceFlow.TYPES.contains(kind.type())
            || kind.type().equals(OrderIdWriteBack.ENTITY_TYPE));
  }

  @Override
  public Map<Long, Outcome> run(List<WorkItem> items) {
    Map<Long, Outcome> outcomes = new HashMap<>();
    items.forEach(item -> outcomes.put(item.id(), Outcome.skipped(REASON)));
    return outcomes;
  }
}
