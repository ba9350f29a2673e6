-- Logged-in shop visitors, as the recovery link needs them: the PONTE_SHOP_SESSION cookie names a row here.
-- The real shop keeps its own sessions; this table stands in for them so the recovery link can be exercised end to end.
CREATE TABLE shop_session (
    id          VARCHAR(64)  PRIMARY KEY,
    customer_id BIGINT       NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    expires_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_shop_session_customer FOREIGN KEY (customer_id) REFERENCES customer (id)
);
