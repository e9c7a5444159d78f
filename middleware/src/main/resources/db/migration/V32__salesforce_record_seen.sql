-- Issue 17, reconciliation poll: the SystemModstamp at which a Salesforce → BigCommerce flow last
-- re-read each record. The periodic poll enqueues only records modified after that, so a record the
-- stream already delivered is not written to BigCommerce a second time.
CREATE TABLE salesforce_record_seen (
  org_id VARCHAR(18) NOT NULL,
  object_name VARCHAR(80) NOT NULL,
  record_id VARCHAR(18) NOT NULL,
  modstamp_ms BIGINT NOT NULL,
  PRIMARY KEY (org_id, object_name, record_id)
);

-- The poll finds each object's latest poll request.
CREATE INDEX ix_salesforce_reconciliation_entity ON salesforce_reconciliation (entity, id);
