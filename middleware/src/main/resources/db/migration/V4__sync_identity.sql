-- Order and customer sync (issue 7). Same rules as V1: runs unchanged on H2 2.x and MySQL 8+/MariaDB 10.6+, every
-- instant is epoch milliseconds in a BIGINT.

-- Which Salesforce record each BigCommerce entity was written to, and which BigCommerce version was written.
-- bc_type: customer (registered, bc_id = customer id), guest (bc_id = hash of the normalised e-mail), order,
-- order_line (parent_bc_id = the order id). A row is written only after Salesforce confirmed the write.
CREATE TABLE sync_identity (
  store_hash VARCHAR(64) NOT NULL,
  bc_type VARCHAR(32) NOT NULL,
  bc_id VARCHAR(128) NOT NULL,
  sf_object VARCHAR(64) NOT NULL,
  sf_id VARCHAR(18) NOT NULL,
  -- the Account of a Contact (orders need it), else NULL
  account_id VARCHAR(18) NULL,
  parent_bc_id VARCHAR(128) NULL,
  -- BigCommerce date_modified of the version written; an older fetched version is never written over it
  bc_modified_ms BIGINT NULL,
  written_at_ms BIGINT NOT NULL,
  PRIMARY KEY (store_hash, bc_type, bc_id)
);
CREATE INDEX sync_identity_parent ON sync_identity (store_hash, bc_type, parent_bc_id);

-- Customers the matcher could not decide on. open_key is set while the review is open, so one customer has at
-- most one open review (unique; NULLs do not collide on either database).
CREATE TABLE sync_review (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_hash VARCHAR(64) NOT NULL,
  customer_key VARCHAR(160) NOT NULL,
  customer_label VARCHAR(200) NOT NULL,
  reason VARCHAR(500) NOT NULL,
  matched_by VARCHAR(40) NULL,
  -- JSON array of {id, kind, linkedTo}: Salesforce ids only, never e-mail or phone
  candidates VARCHAR(4000) NOT NULL,
  status VARCHAR(16) NOT NULL,
  resolution VARCHAR(16) NULL,
  resolved_contact_id VARCHAR(18) NULL,
  open_key VARCHAR(240) NULL,
  created_at_ms BIGINT NOT NULL,
  resolved_at_ms BIGINT NULL,
  CONSTRAINT sync_review_open UNIQUE (open_key)
);
CREATE INDEX sync_review_status ON sync_review (status, id);
CREATE INDEX sync_review_customer ON sync_review (store_hash, customer_key);

-- Work held back by an open review (the customer itself and its orders), re-enqueued when it is resolved.
CREATE TABLE sync_review_hold (
  review_id BIGINT NOT NULL,
  entity_type VARCHAR(32) NOT NULL,
  entity_id VARCHAR(128) NOT NULL,
  PRIMARY KEY (review_id, entity_type, entity_id)
);

-- One row per synced order of a B2B company: account figures are recomputed from it with SQL aggregates, so a
-- retried or duplicated order can never be counted twice.
CREATE TABLE sync_order_ledger (
  store_hash VARCHAR(64) NOT NULL,
  order_id BIGINT NOT NULL,
  company_key VARCHAR(120) NOT NULL,
  total DECIMAL(19, 4) NOT NULL,
  order_date_ms BIGINT NOT NULL,
  counted SMALLINT NOT NULL,
  product_ids VARCHAR(2000) NOT NULL,
  written_at_ms BIGINT NOT NULL,
  PRIMARY KEY (store_hash, order_id)
);
CREATE INDEX sync_order_ledger_company ON sync_order_ledger (store_hash, company_key);
