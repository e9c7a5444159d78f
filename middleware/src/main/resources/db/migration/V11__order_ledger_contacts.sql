-- The order ledger also keys each order by the Contact it was written against, so per-customer
-- figures (Contact, and the household Account of a B2C customer) are recomputed from it like a
-- company's. B2C orders carry company_key '' (no company). Rows written before this migration have
-- no contact: their orders count for the customer once they are written again (a backfill does it).
ALTER TABLE sync_order_ledger ADD COLUMN contact_id VARCHAR(18) NULL;
CREATE INDEX sync_order_ledger_contact ON sync_order_ledger (store_hash, contact_id);
