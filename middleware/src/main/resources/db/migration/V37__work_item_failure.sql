-- Failed attempts of work items (docs/console.md, "Failed records" and "Record timeline"). Same rules as V1: runs
-- unchanged on H2 2.x and MySQL 8+/MariaDB 10.6+, every instant is epoch milliseconds in a BIGINT.

-- One row per attempt that failed (retried or dead-lettered), written in the transaction that records the attempt's
-- outcome on work_item, so the row exists exactly when the item's status says the attempt failed. work_item keeps
-- only the latest error; this keeps each one, with the external call that failed when there was one: request and
-- response as the caller described them, secrets removed, each capped at 16,000 characters (Outcome.Evidence).
-- Successful attempts are not recorded (work_item.completed_at_ms says when the last one ended): the hot path writes
-- nothing more. attempt and replay_round are the item's attempts and replay_count at the time.
CREATE TABLE work_item_failure (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  work_item_id BIGINT NOT NULL,
  attempt INT NOT NULL,
  replay_round INT NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  error VARCHAR(2000) NULL,
  system_name VARCHAR(32) NULL,
  request MEDIUMTEXT NULL,
  response MEDIUMTEXT NULL,
  failed_at_ms BIGINT NOT NULL
);
CREATE INDEX ix_work_item_failure_item ON work_item_failure (work_item_id, id);

-- The record timeline reads an order's rule firings and notices by order (both tables are keyed by their occurrence).
-- Written only when a rule fires, so the extra index costs the sync's hot path nothing.
CREATE INDEX ix_sync_rule_firing_order ON sync_rule_firing (store_hash, order_id);
CREATE INDEX ix_sync_rule_notice_order ON sync_rule_notice (store_hash, order_id);
