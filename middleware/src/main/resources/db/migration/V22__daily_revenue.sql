-- Daily revenue by coupon and UTM source (issue 18, T6; docs/order-rules.md "Daily revenue"). Same rules as V1:
-- runs unchanged on H2 2.x and MySQL 8+/MariaDB 10.6+, every instant is epoch milliseconds in a BIGINT.

-- The figures last written to Salesforce for each store, day (store-local, ISO yyyy-mm-dd) and source key: what a
-- rebuild compares with (a source that no longer has orders on the day is written again as zeros, not left with
-- stale figures) and what Campaign totals are summed from (the sum over all days of a Campaign's source key), so a
-- rebuild of any day gives the same Campaign totals however often it runs.
CREATE TABLE sync_daily_revenue (
  store_hash VARCHAR(64) NOT NULL,
  revenue_day VARCHAR(10) NOT NULL,
  source_key VARCHAR(200) NOT NULL,
  source_type VARCHAR(10) NOT NULL,
  revenue DECIMAL(19, 4) NOT NULL,
  refunds DECIMAL(19, 4) NOT NULL,
  order_count INT NOT NULL,
  written_at_ms BIGINT NOT NULL,
  PRIMARY KEY (store_hash, revenue_day, source_key)
);
CREATE INDEX sync_daily_revenue_source ON sync_daily_revenue (store_hash, source_key);

-- One row per store and day the scheduled job has finished (written after every Salesforce write of the day
-- succeeded): the job runs once per cluster through db-scheduler, and this row makes a second instance, a restart or
-- the next tick skip a day already done. A crash before it is written repeats the day, which converges (upserts by
-- BC_Revenue_Key__c).
CREATE TABLE sync_daily_revenue_done (
  store_hash VARCHAR(64) NOT NULL,
  revenue_day VARCHAR(10) NOT NULL,
  done_at_ms BIGINT NOT NULL,
  PRIMARY KEY (store_hash, revenue_day)
);
