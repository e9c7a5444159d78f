-- Work that starts in Salesforce (issue 13). Same rules as V1: runs unchanged on H2 2.x and MySQL 8+/MariaDB 10.6+,
-- every instant is epoch milliseconds in a BIGINT.

-- What Salesforce reported as changed (change events, reconciliation, PUSH requests), one row per work item run of
-- the Salesforce-change flow: the admin API shows it until the Salesforce → BigCommerce flows write it.
CREATE TABLE salesforce_change (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  org_id VARCHAR(18) NOT NULL,
  sobject VARCHAR(80) NOT NULL,
  record_id VARCHAR(18) NOT NULL,
  -- comma-separated: CREATE, UPDATE, DELETE, UNDELETE, GAP_*, RECONCILE, PUSH
  change_types VARCHAR(200) NOT NULL,
  -- comma-separated field names the change events listed, cut to fit; NULL when no event listed any
  changed_fields VARCHAR(2000) NULL,
  event_count INT NOT NULL,
  work_item_id BIGINT NOT NULL,
  recorded_at_ms BIGINT NOT NULL
);
CREATE INDEX ix_salesforce_change_record ON salesforce_change (sobject, record_id);
CREATE INDEX ix_salesforce_change_recorded ON salesforce_change (recorded_at_ms);

-- BC_Sync_Request__e platform events, one row per request (request_item_id is the request's own work item), and
-- the BC_Sync_Status__e answer owed for it. status: QUEUED (the entity's work item is waiting), RETRYING, SUCCESS,
-- FAILED, SKIPPED. published_status is the last status published; a row whose status differs is still owed.
CREATE TABLE sync_request (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  org_id VARCHAR(18) NOT NULL,
  request_item_id BIGINT NOT NULL,
  correlation_id VARCHAR(64) NULL,
  action VARCHAR(20) NOT NULL,
  sobject VARCHAR(80) NULL,
  record_id VARCHAR(18) NULL,
  external_id VARCHAR(255) NULL,
  -- the work item key (EntityRef.key) of the entity the request resyncs, NULL when it resolved to nothing
  target_key VARCHAR(260) NULL,
  direction VARCHAR(20) NOT NULL,
  status VARCHAR(16) NOT NULL,
  message VARCHAR(255) NULL,
  error_code VARCHAR(80) NULL,
  result_record_id VARCHAR(18) NULL,
  published_status VARCHAR(16) NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL,
  CONSTRAINT uq_sync_request_item UNIQUE (request_item_id)
);
CREATE INDEX ix_sync_request_target ON sync_request (target_key, status);

-- A sync request may name only a Salesforce record: the identity map answers which BigCommerce entity it is.
CREATE INDEX ix_sync_identity_sf_id ON sync_identity (sf_id);
