-- Backfill of historical customers and orders (issue 7). Same rules as V1: runs unchanged on H2 2.x and MySQL
-- 8+/MariaDB 10.6+, every instant is epoch milliseconds in a BIGINT.

-- One row per backfill. active_store holds the store hash while the backfill is RUNNING or PAUSED and is NULL
-- afterwards: its unique constraint makes "at most one active backfill per store" race-free (as work_item.open_key).
-- The cursor (customer_page, order_after_id) is committed in the same transaction as the
-- work items of the page it moved past, so a restart repeats at most the page that was being read.
CREATE TABLE backfill_job (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_hash VARCHAR(64) NOT NULL,
  since_date VARCHAR(10) NOT NULL,
  state VARCHAR(16) NOT NULL,
  active_store VARCHAR(64) NULL,
  phase VARCHAR(16) NOT NULL,
  -- next V3 customers page to read (1-based) and the collection's total when the previous page was read
  customer_page INT NOT NULL,
  customers_total BIGINT NULL,
  -- highest V2 order id already enqueued (keyset: the next page asks for min_id = order_after_id + 1)
  order_after_id BIGINT NOT NULL,
  orders_first_id BIGINT NULL,
  orders_max_id BIGINT NULL,
  customers_enqueued BIGINT NOT NULL,
  orders_enqueued BIGINT NOT NULL,
  pages_read BIGINT NOT NULL,
  consecutive_failures INT NOT NULL,
  last_error VARCHAR(2000) NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL,
  paused_at_ms BIGINT NULL,
  finished_at_ms BIGINT NULL,
  CONSTRAINT uq_backfill_job_active_store UNIQUE (active_store)
);
CREATE INDEX ix_backfill_job_state ON backfill_job (state);

-- Which entities a backfill enqueued and the work item each joined or opened: progress counts come from the work
-- queue through this table, and an entity met twice in one backfill (a shifted page) is not enqueued twice.
CREATE TABLE backfill_item (
  backfill_id BIGINT NOT NULL,
  entity_type VARCHAR(64) NOT NULL,
  entity_id VARCHAR(128) NOT NULL,
  work_item_id BIGINT NOT NULL,
  PRIMARY KEY (backfill_id, entity_type, entity_id)
);
