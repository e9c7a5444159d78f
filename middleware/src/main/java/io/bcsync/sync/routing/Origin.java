package io.bcsync.sync.routing;

import io.bcsync.pipeline.EntityRef;

/** Where a work item's change came from. */
public enum Origin {
  /** A BigCommerce store: webhooks, the catch-up poll, backfill, resync requests. */
  BIGCOMMERCE,
  /** The Salesforce org: change events, platform events, reconciliation. */
  SALESFORCE;

  public static Origin of(EntityRef entity) {
    return entity.isSalesforce() ? SALESFORCE : BIGCOMMERCE;
  }
}
