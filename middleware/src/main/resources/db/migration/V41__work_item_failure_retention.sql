-- Retention of failed attempts (pipeline/FailureLogRetention, docs/console.md): the hourly delete reads by age.
-- Same rules as V1: runs unchanged on H2 2.x and MySQL 8+/MariaDB 10.6+.
CREATE INDEX ix_work_item_failure_failed_at ON work_item_failure (failed_at_ms);
