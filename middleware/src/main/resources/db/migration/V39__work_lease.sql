-- One lease row per claimed batch (issue 20). A running batch used to renew its claim by rewriting
-- lease_expires_at_ms on every one of its items (UPDATE work_item ... id IN (400 ids) every 5 s per batch); now the
-- heartbeat extends this one row, and lease recovery treats an IN_PROGRESS item as lapsed when the claim's first
-- expiry (work_item.lease_expires_at_ms, still written by the claim) has passed AND no live work_lease row for its
-- lease_owner exists. An item whose lease row is missing (claimed before this migration) therefore lapses by its
-- own column, as before. Recovery still finds its candidates by ix_work_item_lease (status, lease_expires_at_ms)
-- and checks each one's lease row by primary key. Same rules as V1: runs unchanged on H2 2.x and MySQL 8+/MariaDB.
CREATE TABLE work_lease (
  lease_token VARCHAR(100) NOT NULL PRIMARY KEY,
  expires_at_ms BIGINT NOT NULL
);
CREATE INDEX ix_work_lease_expiry ON work_lease (expires_at_ms);
