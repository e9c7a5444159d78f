-- The record timeline finds the reviews that held an order or customer (docs/console.md): sync_review_hold is keyed
-- by review, so it is read by entity through this index. Written only when a review holds work, so the sync's hot
-- path pays nothing. Same rules as V1: runs unchanged on H2 2.x and MySQL 8+/MariaDB 10.6+.
CREATE INDEX ix_sync_review_hold_entity ON sync_review_hold (entity_type, entity_id);

-- Who resolved a review (console or admin API; docs/console.md, Reviews), and the Reviews page's list of the latest
-- decisions, newest first.
ALTER TABLE sync_review ADD COLUMN resolved_by VARCHAR(40) NULL;
CREATE INDEX ix_sync_review_status_resolved ON sync_review (status, resolved_at_ms);

-- What each order rule's firing wrote (docs/console.md, Record timeline; docs/order-rules.md): one row per Case,
-- campaign membership and Opportunity, with the Salesforce id where the write's answer carried it. Written in the
-- transaction that records the firing (sync_rule_firing), so a firing's rows exist exactly when it is recorded; a
-- firing is recorded once, so they are too (the key repeats the firing's). Only when a rule fires: the hot path of
-- an order without rules writes nothing more.
CREATE TABLE sync_rule_write (
  store_hash VARCHAR(64) NOT NULL,
  firing_key VARCHAR(255) NOT NULL,
  seq INT NOT NULL,
  order_id BIGINT NOT NULL,
  action VARCHAR(16) NOT NULL,
  target VARCHAR(255) NOT NULL,
  sf_id VARCHAR(18) NULL,
  written_at_ms BIGINT NOT NULL,
  PRIMARY KEY (store_hash, firing_key, seq)
);
CREATE INDEX ix_sync_rule_write_order ON sync_rule_write (store_hash, order_id);
CREATE INDEX ix_sync_rule_write_sf ON sync_rule_write (sf_id);
