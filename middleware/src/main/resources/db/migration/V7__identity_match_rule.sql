-- Issue 7: "each decision records which rule matched". How a customer's Salesforce record was chosen when the link
-- was made: external_id, email, phone, created or review (NULL for rows written before this column existed).
ALTER TABLE sync_identity ADD COLUMN matched_by VARCHAR(40) NULL;
