-- Durable webhook intake and work queue. Runs unchanged on H2 2.x and MySQL 8+/MariaDB 10.6+.
-- Every instant is epoch milliseconds in a BIGINT: mysql-connector-j on MariaDB silently drops fractional seconds
-- of DATETIME(6)/TIMESTAMP(6) values, so nothing here may depend on sub-second DATETIME precision.

-- One row per entity and processing run. open_key holds the entity key while the item is open (PENDING or
-- IN_PROGRESS) and is NULL afterwards, so the unique constraint allows exactly one open item per entity while
-- finished and dead-lettered items are kept as history.
CREATE TABLE work_item (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_hash VARCHAR(64) NOT NULL,
  entity_type VARCHAR(64) NOT NULL,
  entity_id VARCHAR(128) NOT NULL,
  open_key VARCHAR(260) NULL,
  status VARCHAR(16) NOT NULL,
  scopes VARCHAR(2000) NOT NULL,
  event_count INT NOT NULL,
  dirty SMALLINT NOT NULL,
  attempts INT NOT NULL,
  next_attempt_at_ms BIGINT NOT NULL,
  lease_owner VARCHAR(100) NULL,
  lease_expires_at_ms BIGINT NULL,
  last_error VARCHAR(2000) NULL,
  created_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL,
  completed_at_ms BIGINT NULL,
  dead_lettered_at_ms BIGINT NULL,
  replay_count INT NOT NULL,
  superseded_by BIGINT NULL,
  CONSTRAINT uq_work_item_open_key UNIQUE (open_key)
);
CREATE INDEX ix_work_item_due ON work_item (status, next_attempt_at_ms);
CREATE INDEX ix_work_item_lease ON work_item (status, lease_expires_at_ms);
CREATE INDEX ix_work_item_entity ON work_item (store_hash, entity_type, entity_id);

-- Every accepted BigCommerce callback, verbatim, committed before it is acknowledged.
CREATE TABLE webhook_event (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  store_hash VARCHAR(64) NOT NULL,
  scope VARCHAR(200) NOT NULL,
  entity_type VARCHAR(64) NOT NULL,
  entity_id VARCHAR(128) NOT NULL,
  webhook_id VARCHAR(200) NULL,
  payload_hash VARCHAR(128) NULL,
  bc_created_at BIGINT NULL,
  received_at_ms BIGINT NOT NULL,
  work_item_id BIGINT NOT NULL,
  raw_body MEDIUMTEXT NOT NULL,
  CONSTRAINT uq_webhook_event_delivery UNIQUE (store_hash, webhook_id)
);
CREATE INDEX ix_webhook_event_item ON webhook_event (work_item_id);
CREATE INDEX ix_webhook_event_received ON webhook_event (received_at_ms);

-- Short-lived duplicate detection by producer + scope + resource id + hash (see docs/pipeline.md).
CREATE TABLE webhook_dedupe (
  dedupe_key CHAR(64) NOT NULL PRIMARY KEY,
  expires_at_ms BIGINT NOT NULL
);
CREATE INDEX ix_webhook_dedupe_expiry ON webhook_dedupe (expires_at_ms);

-- db-scheduler's table for cluster-wide recurring jobs (its documented MySQL layout). Explicit defaults keep
-- MySQL from attaching ON UPDATE CURRENT_TIMESTAMP to the first TIMESTAMP column.
CREATE TABLE scheduled_tasks (
  task_name VARCHAR(100) NOT NULL,
  task_instance VARCHAR(100) NOT NULL,
  task_data BLOB NULL,
  execution_time TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  picked BOOLEAN NOT NULL,
  picked_by VARCHAR(50) NULL,
  last_success TIMESTAMP(6) NULL DEFAULT NULL,
  last_failure TIMESTAMP(6) NULL DEFAULT NULL,
  consecutive_failures INT NULL,
  last_heartbeat TIMESTAMP(6) NULL DEFAULT NULL,
  version BIGINT NOT NULL,
  priority SMALLINT NULL,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX ix_scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX ix_scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX ix_scheduled_tasks_priority_execution_time ON scheduled_tasks (priority, execution_time);
