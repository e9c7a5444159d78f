-- Slack and e-mail notices of order rules (docs/order-rules.md, "Notices"). Same rules as V1: runs unchanged on
-- H2 2.x and MySQL 8+/MariaDB 10.6+, every instant is epoch milliseconds in a BIGINT.

-- One row per store, order, rule and channel: notice_key is "{order id}:{channel}:{rule}". Inserted in the same
-- transaction that records the rule's firing (sync_rule_firing) and enqueues the notice's work item, and only when
-- absent, so a replayed, duplicated or retried order never makes a second notice, and a crash between the
-- Salesforce write and the firing record makes none until the retry records both. body is the message content
-- (JSON) as of the firing; sent_at_ms is set right after the channel accepted the message, so a replay of the
-- work item after that sends nothing.
CREATE TABLE sync_rule_notice (
  store_hash VARCHAR(64) NOT NULL,
  notice_key VARCHAR(128) NOT NULL,
  order_id BIGINT NOT NULL,
  rule_name VARCHAR(100) NOT NULL,
  channel VARCHAR(16) NOT NULL,
  body MEDIUMTEXT NOT NULL,
  created_at_ms BIGINT NOT NULL,
  sent_at_ms BIGINT NULL,
  PRIMARY KEY (store_hash, notice_key)
);
