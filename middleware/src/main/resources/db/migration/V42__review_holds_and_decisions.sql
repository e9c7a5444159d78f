-- The record timeline finds the reviews that held an order or customer (docs/console.md): sync_review_hold is keyed
-- by review, so it is read by entity through this index. Written only when a review holds work, so the sync's hot
-- path pays nothing. Same rules as V1: runs unchanged on H2 2.x and MySQL 8+/MariaDB 10.6+.
CREATE INDEX ix_sync_review_hold_entity ON sync_review_hold (entity_type, entity_id);

-- Who resolved a review (console or admin API; docs/console.md, Reviews), and the Reviews page's list of the latest
-- decisions, newest first.
ALTER TABLE sync_review ADD COLUMN resolved_by VARCHAR(40) NULL;
CREATE INDEX ix_sync_review_status_resolved ON sync_review (status, resolved_at_ms);
