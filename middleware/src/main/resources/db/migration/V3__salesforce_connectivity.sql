-- Salesforce connectivity (issue 6). Same rules as V1: runs unchanged on H2 2.x and MySQL 8+/MariaDB 10.6+, every
-- instant is epoch milliseconds in a BIGINT.

-- Last replay id per Streaming API channel, written in the same transaction as the event it belongs to, so a
-- restart resumes exactly after the last event that is durably in the pipeline.
CREATE TABLE streaming_replay (
  channel VARCHAR(200) NOT NULL PRIMARY KEY,
  replay_id BIGINT NOT NULL,
  -- when Salesforce committed/published that event (CDC commitTimestamp, else receipt): the retention clock
  event_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL
);

-- Leadership: the instance named in owner subscribes; others take over once expires_at_ms has passed.
CREATE TABLE streaming_lease (
  name VARCHAR(100) NOT NULL PRIMARY KEY,
  owner VARCHAR(100) NOT NULL,
  expires_at_ms BIGINT NOT NULL,
  acquired_at_ms BIGINT NOT NULL
);

-- Windows the stream could not replay (replay id past retention, GAP_OVERFLOW): records of the entity modified
-- since since_ms (NULL = all records) are enqueued as work. Done rows are kept as history.
CREATE TABLE salesforce_reconciliation (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entity VARCHAR(100) NOT NULL,
  since_ms BIGINT NULL,
  reason VARCHAR(500) NOT NULL,
  status VARCHAR(16) NOT NULL,
  records_enqueued INT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  finished_at_ms BIGINT NULL,
  last_error VARCHAR(2000) NULL
);
CREATE INDEX ix_salesforce_reconciliation_status ON salesforce_reconciliation (status, id);

-- Web-server flow: the refresh token, AES-GCM encrypted with bcsync.salesforce.token-encryption-key.
CREATE TABLE salesforce_credential (
  name VARCHAR(50) NOT NULL PRIMARY KEY,
  refresh_token_enc VARCHAR(2000) NOT NULL,
  instance_url VARCHAR(500) NOT NULL,
  user_id VARCHAR(18) NULL,
  connected_at_ms BIGINT NOT NULL
);

-- Web-server flow: pending authorization requests (the OAuth state parameter), single use, short-lived.
CREATE TABLE salesforce_oauth_state (
  state VARCHAR(100) NOT NULL PRIMARY KEY,
  expires_at_ms BIGINT NOT NULL
);
