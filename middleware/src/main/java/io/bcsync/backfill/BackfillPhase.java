package io.bcsync.backfill;

/** Customers first, so an order's customer is usually already in the queue ahead of the order. */
public enum BackfillPhase {
  CUSTOMERS,
  ORDERS,
  FINISHED
}
