-- Issue 16: "Connect Salesforce" is started by an administrator only and bound to that browser.
-- Pending steps are stored by the SHA-256 of their secret (a database reader cannot finish a flow):
-- TICKET = the one-time start link the admin API hands out; STATE = the OAuth state sent to
-- Salesforce, with the PKCE code challenge, which is also the hash of the browser's cookie.
-- Pending states of the old table were unbound and are dropped with it.
DROP TABLE salesforce_oauth_state;
CREATE TABLE salesforce_oauth_request (
  secret_hash CHAR(64) NOT NULL PRIMARY KEY,
  kind VARCHAR(10) NOT NULL,
  code_challenge VARCHAR(64) NULL,
  replace_existing BOOLEAN NOT NULL,
  expires_at_ms BIGINT NOT NULL
);

-- The org a stored credential belongs to, so replacing it can be confirmed and logged by org id.
ALTER TABLE salesforce_credential ADD COLUMN org_id VARCHAR(18) NULL;
