-- What the Salesforce -> BigCommerce flows last wrote to a variant (issue 17). Same rules as V1: runs unchanged on
-- H2 2.x and MySQL 8+/MariaDB 10.6+, every instant is epoch milliseconds in a BIGINT.
-- One row per store, variant and written field ('price', 'stock@<location>'), with a SHA-256 of the value. The
-- webhook our own write makes BigCommerce fire comes back as a work item; when the variant re-read holds the
-- values hashed here, the item is an echo and is dropped.
CREATE TABLE catalog_written (
  store_hash VARCHAR(64) NOT NULL,
  variant_id BIGINT NOT NULL,
  written_field VARCHAR(40) NOT NULL,
  product_id BIGINT NOT NULL,
  value_hash CHAR(64) NOT NULL,
  written_at_ms BIGINT NOT NULL,
  PRIMARY KEY (store_hash, variant_id, written_field)
);

CREATE INDEX catalog_written_product ON catalog_written (store_hash, product_id);
