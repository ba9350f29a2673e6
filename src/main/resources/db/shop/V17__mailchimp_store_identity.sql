-- Issue 11: what Ponte believes Mailchimp holds is tied to the store it wrote into, so an emptied, deleted or
-- recreated store (or another ponte.mailchimp.store-id / list-id) is refilled by the next TOTAL.
-- store_key: "<store id>|<list id>|<the store's created_at at Mailchimp>" of the store the record was written into;
-- a ledger row of another key is not believed (rows of before this migration are adopted by the first store Ponte
-- finds already there, see MailchimpStoreSync).
ALTER TABLE mailchimp_sync ADD COLUMN store_key VARCHAR(300) NULL AFTER entity_id;
-- remote_created_at: the store's created_at as Mailchimp answered it when Ponte last identified the store.
ALTER TABLE mailchimp_store_sync ADD COLUMN remote_created_at VARCHAR(60) NULL AFTER list_id;
-- erp_cancelled_at: when the order was cancelled in the ERP (the document's last change when the state diff found it
-- cancelled); Mailchimp's cancelled_at_foreign.
ALTER TABLE shop_order ADD COLUMN erp_cancelled_at TIMESTAMP(3) NULL AFTER cancel_reason;
