-- Per-customer claims (docs/sync-mapping.md, "Customers"). Same rules as V1: runs unchanged on H2 2.x and MySQL
-- 8+/MariaDB 10.6+, every instant is epoch milliseconds in a BIGINT.

-- A customer's own work item and an order item naming it as buyer are different work-queue entities, so two
-- workers can hold them at once. While the customer is not yet in sync_identity, only the holder of its row here
-- decides and writes it. A row lives for one batch's writes: deleted by its holder afterwards, and taken over by
-- the next claimant once expires_at_ms has passed (a crashed holder cannot block the customer for longer).
-- customer_key as in sync_review: customer:<id> or guest:<hash>.
CREATE TABLE sync_customer_claim (
  store_hash VARCHAR(64) NOT NULL,
  customer_key VARCHAR(160) NOT NULL,
  claimed_by VARCHAR(64) NOT NULL,
  expires_at_ms BIGINT NOT NULL,
  PRIMARY KEY (store_hash, customer_key)
);
