-- Order rules (docs/order-rules.md). Same rules as V1: runs unchanged on H2 2.x and MySQL 8+/MariaDB 10.6+,
-- every instant is epoch milliseconds in a BIGINT.

-- One row per rule and occurrence whose actions are done: the occurrence is what the rule fires once for
-- ("first:<contact id>" for a first order, "order:<order id>" for most triggers). Written only after the actions
-- succeeded (a crash before it repeats actions that converge: an enrolment already made is success), and read
-- before evaluating, so a replayed, duplicated or retried order costs no Salesforce call and a customer's
-- "first order" fires once even when an older order of the customer arrives later.
CREATE TABLE sync_rule_firing (
  store_hash VARCHAR(64) NOT NULL,
  firing_key VARCHAR(255) NOT NULL,
  order_id BIGINT NOT NULL,
  fired_at_ms BIGINT NOT NULL,
  PRIMARY KEY (store_hash, firing_key)
);
