-- Per-customer figures are now computed before the batch's Contact and Account upserts, so they can travel in
-- those upserts instead of separate update calls. At that point a new customer has no Contact id yet, so the
-- ledger keys each order by its customer (customer_key: customer:<id> or guest:<hash>, as the identity map
-- does) and the figures are summed per customer key. contact_id stays for rows written before.
ALTER TABLE sync_order_ledger ADD COLUMN customer_key VARCHAR(160) NULL;
CREATE INDEX sync_order_ledger_customer ON sync_order_ledger (store_hash, customer_key);
-- Rows written since V11 know their Contact: the identity map tells which customer that Contact is, so their
-- orders keep counting without being written again. (A Contact linked to two customers, a guest and a
-- registered one, is given to one of them; the other's next order puts its own rows right.)
UPDATE sync_order_ledger SET customer_key = (
  SELECT MIN(CONCAT(i.bc_type, ':', i.bc_id)) FROM sync_identity i
  WHERE i.store_hash = sync_order_ledger.store_hash AND i.sf_id = sync_order_ledger.contact_id
    AND i.bc_type IN ('customer', 'guest'))
WHERE contact_id IS NOT NULL;
