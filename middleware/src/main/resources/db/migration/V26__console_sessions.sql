-- Operator console sessions (docs/console.md). Stored server-side so every instance of a cluster knows them and
-- sign-out ends a session everywhere at once. The browser's cookie holds a random 256-bit id; only its SHA-256 is
-- stored, so a copy of the database does not let anyone sign in. Same rules as V1: H2 2.x and MySQL 8+/MariaDB
-- 10.6+, every instant epoch milliseconds in a BIGINT.
CREATE TABLE console_session (
  id_hash CHAR(64) NOT NULL PRIMARY KEY,
  csrf_token VARCHAR(64) NOT NULL,
  created_at_ms BIGINT NOT NULL,
  expires_at_ms BIGINT NOT NULL
);
CREATE INDEX ix_console_session_expiry ON console_session (expires_at_ms);
