-- Ponte's Mailchimp state, kept in the shop database (the shop owns the sync).

-- What Mailchimp holds for each shop entity Ponte wrote there: the key to "never a duplicate".
-- An order or cart with a row here exists in Mailchimp and is PATCHed, never POSTed again.
CREATE TABLE mailchimp_sync (
    entity        VARCHAR(20)  NOT NULL,
    entity_id     BIGINT       NOT NULL,
    remote_id     VARCHAR(100) NOT NULL,
    -- the shop status the remote copy reflects (orders: STORED, DELIVERED...; carts: OPEN)
    remote_state  VARCHAR(30),
    payload_hash  CHAR(64)     NOT NULL,
    deleted       BOOLEAN      NOT NULL DEFAULT FALSE,
    synced_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (entity, entity_id)
);

-- Every write Ponte owes Mailchimp: one row per entity, PENDING until written (DONE) or given up on (PARKED).
-- A failed write stays PENDING and the next run retries it; permanent refusals count as attempts.
CREATE TABLE mailchimp_outbox (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    entity        VARCHAR(20)   NOT NULL,
    entity_id     BIGINT        NOT NULL,
    operation     VARCHAR(10)   NOT NULL,
    payload_hash  CHAR(64),
    attempts      INT           NOT NULL DEFAULT 0,
    last_error    VARCHAR(1000),
    status        VARCHAR(10)   NOT NULL,
    outcome       VARCHAR(40),
    created_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_mailchimp_outbox_entity UNIQUE (entity, entity_id),
    INDEX ix_mailchimp_outbox_status (status, entity)
);

-- Recovery links of abandoned carts: a random token per cart, so the link in the e-mail names no id that can be guessed.
CREATE TABLE cart_recovery_token (
    token       VARCHAR(64)  PRIMARY KEY,
    cart_id     BIGINT       NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_cart_recovery_cart UNIQUE (cart_id),
    CONSTRAINT fk_cart_recovery_cart FOREIGN KEY (cart_id) REFERENCES cart (id)
);
