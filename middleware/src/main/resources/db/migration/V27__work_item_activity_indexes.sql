-- The console's and /admin/activity's per-minute counts (pipeline/QueueActivity) read the last hour or day of
-- work items by the instant they finished or were dead-lettered: these indexes make that an index range scan
-- instead of a scan of the whole queue history. Runs unchanged on H2 2.x and MySQL 8+/MariaDB 10.6+.
CREATE INDEX ix_work_item_completed ON work_item (completed_at_ms);
CREATE INDEX ix_work_item_dead_lettered ON work_item (dead_lettered_at_ms);
