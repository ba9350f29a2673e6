-- What changed since the previous run (the Mailchimp candidates of a CHANGED run: MailchimpShopReader) is read by
-- updated_at. Without an index each of these reads every row of its table, so a CHANGED run with nothing changed cost
-- more the more customers, orders and carts the shop holds (10,001 rows read per table at 10,000 orders); with one it
-- reads only the rows that changed.
CREATE INDEX ix_customer_updated ON customer (updated_at);
CREATE INDEX ix_order_updated ON shop_order (updated_at);
CREATE INDEX ix_cart_updated ON cart (updated_at);
