-- What Ponte owes Amazon: one line per order and kind (shipment, cancellation, refund), kept until Amazon
-- accepted that order's own message. The unique key makes a second refund of one order impossible.
CREATE TABLE amazon_outbox (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    order_id      BIGINT        NOT NULL,
    account_id    VARCHAR(40)   NOT NULL,
    kind          VARCHAR(12)   NOT NULL,
    status        VARCHAR(12)   NOT NULL DEFAULT 'PENDING',
    feed_id       VARCHAR(60),
    feed_document_id VARCHAR(200),
    message_id    INT,
    attempts      INT           NOT NULL DEFAULT 0,
    last_error    VARCHAR(1000),
    created_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_outbox_order FOREIGN KEY (order_id) REFERENCES shop_order (id),
    CONSTRAINT uq_outbox_order_kind UNIQUE (order_id, kind),
    INDEX ix_outbox_status (status)
);
