-- Retention of finished work (pipeline/WorkHistoryRetention, docs/pipeline.md "Retention"). Same rules as V1: runs
-- unchanged on H2 2.x and MySQL 8+/MariaDB 10.6+.

-- The retention asks the backfills which finished work items they still point at, and drops the links of the items it
-- deletes: both read backfill_item by work item, which its primary key (backfill_id, entity_type, entity_id) cannot
-- serve. Written only by a backfill's page, never on the webhook path.
CREATE INDEX ix_backfill_item_work_item ON backfill_item (work_item_id);

-- How many of a finished backfill's work items ended in each status before the retention deleted them: a backfill's
-- progress adds these to the counts of its items still in work_item, so its totals never shrink.
CREATE TABLE backfill_item_pruned (
  backfill_id BIGINT NOT NULL,
  entity_type VARCHAR(64) NOT NULL,
  status VARCHAR(16) NOT NULL,
  item_count BIGINT NOT NULL,
  PRIMARY KEY (backfill_id, entity_type, status)
);
