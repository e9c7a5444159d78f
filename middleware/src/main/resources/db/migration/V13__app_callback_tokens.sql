-- The ids (jti) of signed_payload_jwt tokens the app callbacks (/bc/load, /bc/uninstall, /bc/remove_user) have
-- used (docs/bigcommerce-app.md, "Signed payloads"). Same rules as V1: runs unchanged on H2 2.x and MySQL
-- 8+/MariaDB 10.6+, every instant is epoch milliseconds in a BIGINT.

-- A token is accepted once: the primary key decides between two instances seeing the same token, so the check
-- holds across a cluster. A row is needed only while its token could still verify (until its exp, plus the
-- accepted clock skew); the callback-token-cleanup job deletes it after that.
CREATE TABLE bc_callback_token (
  jti VARCHAR(128) NOT NULL PRIMARY KEY,
  store_hash VARCHAR(64) NOT NULL,
  expires_at_ms BIGINT NOT NULL
);

CREATE INDEX bc_callback_token_expiry ON bc_callback_token (expires_at_ms);
