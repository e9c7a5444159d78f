-- What the Salesforce -> BigCommerce customer flow last wrote to a customer (issue 17). Same rules as V1: runs
-- unchanged on H2 2.x and MySQL 8+/MariaDB 10.6+, every instant is epoch milliseconds in a BIGINT.
-- One row per store and customer: the BigCommerce fields written (comma-separated, e.g. 'phone,company') and a
-- SHA-256 of their values. The store/customer/updated webhook our own write fires comes back as a work item; when
-- the customer re-read holds the values hashed here, the item is an echo and is dropped.
CREATE TABLE customer_written (
  store_hash VARCHAR(64) NOT NULL,
  customer_id BIGINT NOT NULL,
  written_fields VARCHAR(80) NOT NULL,
  value_hash CHAR(64) NOT NULL,
  written_at_ms BIGINT NOT NULL,
  PRIMARY KEY (store_hash, customer_id)
);
