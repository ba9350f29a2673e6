-- The Mailchimp manual syncs (customers, products, order history) are runs like the others: their record says which
-- one it is (scope), and they have a lock of their own, so a second press while one runs is refused naming it.
-- A run record also carries, while the Amazon poll waits for Amazon's rate budget (or after it stopped on its time
-- budget), the account, the operation and the time Amazon allows the next page (JSON).
ALTER TABLE sync_run ADD COLUMN scope VARCHAR(20) NULL, ADD COLUMN amazon_wait TEXT NULL;
INSERT INTO sync_lock (name) VALUES ('mailchimp');
