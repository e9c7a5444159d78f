-- Order rules: the fulfilment-delay trigger (docs/order-rules.md). Same rules as V1: runs unchanged on H2 2.x and
-- MySQL 8+/MariaDB 10.6+, every instant is epoch milliseconds in a BIGINT.

-- Orders of stores with an enabled fulfilment_delayed rule that were Awaiting Fulfillment/Shipment when last synced
-- and are not late yet: due_at_ms is the order's date_created plus the rule's delay. Written by the order flow's
-- rules step (deleted again when the order moves on or its rule fired); the fulfilment-delay cluster job enqueues
-- the order's normal work item once due and deletes the row in the same transaction, so the order is synced again,
-- the trigger sees it late, and the firing record (sync_rule_firing) keeps it to one Case however often this runs.
CREATE TABLE sync_fulfilment_watch (
  store_hash VARCHAR(64) NOT NULL,
  order_id BIGINT NOT NULL,
  due_at_ms BIGINT NOT NULL,
  PRIMARY KEY (store_hash, order_id)
);
CREATE INDEX sync_fulfilment_watch_due ON sync_fulfilment_watch (due_at_ms);
