-- The console's Connections page (console/Connections via pipeline/WebhookArrivals) shows when each store's last
-- webhook arrived: with this index that is the newest entry of the store's range, not a scan of every event.
-- Runs unchanged on H2 2.x and MySQL 8+/MariaDB 10.6+.
CREATE INDEX ix_webhook_event_store_received ON webhook_event (store_hash, received_at_ms);
