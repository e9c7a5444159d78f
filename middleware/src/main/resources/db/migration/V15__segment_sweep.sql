-- How far the At Risk sweep (customers/AtRiskSweep) got per store: every customer whose last counted order is at or
-- before (last_order_ms, customer_key), in that order, has had its segment re-evaluated; the next run starts after
-- it, so each customer is looked at once per lapse however rarely the job runs.
CREATE TABLE sync_segment_sweep (
  store_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  last_order_ms BIGINT NOT NULL,
  customer_key VARCHAR(160) NOT NULL,
  swept_at_ms BIGINT NOT NULL
);
