-- Customers whose per-customer figures are owed to Salesforce (issue 15, calls per order): a batch writes a buyer's
-- figures only with a Contact/Account write it makes anyway; a linked buyer with nothing else to write is marked here,
-- in the transaction that records its orders in the ledger, and the customer-figures-flush cluster job writes the
-- owed figures of many customers per call (customers/CustomerFiguresFlush). version grows with every order recorded
-- for the customer while marked; the flush deletes the mark only if version is still the one it read, so an order
-- recorded during the flush keeps it owed.
CREATE TABLE sync_customer_figures_owed (
  store_hash VARCHAR(64) NOT NULL,
  customer_key VARCHAR(160) NOT NULL,
  of_company SMALLINT NOT NULL,
  version BIGINT NOT NULL,
  owed_since_ms BIGINT NOT NULL,
  PRIMARY KEY (store_hash, customer_key)
);
CREATE INDEX sync_customer_figures_owed_since ON sync_customer_figures_owed (store_hash, owed_since_ms);
