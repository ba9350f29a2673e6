-- Amazon's feed limits (issue 11): every feed Ponte created at Amazon, so that at most one feed of a type goes per
-- account every ponte.amazon.outbound.feed-interval (Amazon asks for 20 minutes), whatever node or run sent it.
CREATE TABLE amazon_feed (
    feed_id       VARCHAR(60)   PRIMARY KEY,
    account_id    VARCHAR(40)   NOT NULL,
    feed_type     VARCHAR(60)   NOT NULL,
    messages      INT           NOT NULL,
    bytes         INT           NOT NULL,
    submitted_at  TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    INDEX ix_amazon_feed_type (account_id, feed_type, submitted_at)
);
