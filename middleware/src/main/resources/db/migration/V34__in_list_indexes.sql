-- Indexes led by the column of an IN (...) list (issue 20). H2 uses an index for `col IN (...)` only when col is
-- the index's first column; behind `store_hash = ? AND bc_type = ?` it walked every row of the store and type
-- and compared each with the whole list, so each 100-key lookup of a burst read all orders and lines synced before
-- (EXPLAIN ANALYZE: scanCount 10,001 for 3 keys among 10,000 orders; 3 with the index). The queries name these
-- indexes (USE INDEX, understood by H2 and MySQL/MariaDB alike), since H2's planner still prefers the longer
-- primary-key prefix. MySQL/MariaDB already looked the keys up one by one; there the new indexes cost a little on
-- insert and are as selective as the primary key. Same rules as V1: runs unchanged on H2 2.x and MySQL 8+/MariaDB.
CREATE INDEX ix_sync_identity_bc_id ON sync_identity (bc_id);
CREATE INDEX ix_sync_identity_parent_bc_id ON sync_identity (parent_bc_id);
CREATE INDEX ix_bc_entity_version_entity_id ON bc_entity_version (entity_id);
CREATE INDEX ix_sync_order_ledger_customer_key ON sync_order_ledger (customer_key);
