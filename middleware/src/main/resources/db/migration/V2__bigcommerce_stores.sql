-- Stores connected by installing the BigCommerce app (connector-mode stores live in configuration instead), and
-- the catch-up poll's high-water marks. Instants are epoch milliseconds (see V1).

-- Secrets are AES-GCM ciphertexts ("v1:<key id>:<base64 iv+ciphertext>"), never plain text; they are NULL
-- once the store uninstalled the app. The row itself stays as history until the retention job removes it.
CREATE TABLE bc_store (
  store_hash VARCHAR(64) NOT NULL PRIMARY KEY,
  status VARCHAR(16) NOT NULL,
  access_token_enc VARCHAR(1000) NULL,
  webhook_secret_enc VARCHAR(1000) NULL,
  scopes VARCHAR(2000) NULL,
  owner_email VARCHAR(320) NULL,
  installed_at_ms BIGINT NOT NULL,
  updated_at_ms BIGINT NOT NULL,
  uninstalled_at_ms BIGINT NULL
);

-- How far each store's catch-up poll has read, per resource, in BigCommerce's own clock (date_modified of the
-- newest change seen), so the comparison never mixes our clock with theirs.
CREATE TABLE bc_sync_cursor (
  store_hash VARCHAR(64) NOT NULL,
  resource VARCHAR(32) NOT NULL,
  high_water_ms BIGINT NOT NULL,
  polled_at_ms BIGINT NOT NULL,
  PRIMARY KEY (store_hash, resource)
);

-- The BigCommerce date_modified of the state bcsync last read per entity. The catch-up poll skips a change it
-- finds when a read at least that recent already happened (both sides in BigCommerce's clock).
CREATE TABLE bc_entity_version (
  store_hash VARCHAR(64) NOT NULL,
  entity_type VARCHAR(64) NOT NULL,
  entity_id VARCHAR(128) NOT NULL,
  date_modified_ms BIGINT NOT NULL,
  read_at_ms BIGINT NOT NULL,
  PRIMARY KEY (store_hash, entity_type, entity_id)
);
