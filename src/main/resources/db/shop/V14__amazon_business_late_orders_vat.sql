-- Issue 11, the real Amazon on the import side.

-- Amazon Business / Invoicing-by-Amazon buyers all come with one shared e-mail: such a customer is keyed on its company
-- and VAT number (or its recipient) instead, and several customers may then carry that e-mail. Every other customer
-- stays unique by e-mail: the unique key moves to a column that is the e-mail for them and NULL for business buyers.
ALTER TABLE customer
    ADD COLUMN vat_number   VARCHAR(30)  NULL AFTER company,
    ADD COLUMN business_key VARCHAR(191) NULL AFTER vat_number,
    ADD COLUMN email_key    VARCHAR(254) AS (IF(business_key IS NULL, email, NULL)) PERSISTENT;
ALTER TABLE customer
    DROP INDEX uq_customer_email,
    ADD CONSTRAINT uq_customer_email UNIQUE (email_key),
    ADD CONSTRAINT uq_customer_business UNIQUE (business_key);

-- Orders Amazon surfaces hours late, with an older last-update time, fall behind the incremental watermark: a periodic
-- deep re-sweep reads the last hours again (ponte.amazon.polling.resweep-*). It spends only the rate budget left over,
-- so it may span several runs: the window under way and the token of its next page are kept here.
CREATE TABLE amazon_resweep (
    account_id    VARCHAR(40)   PRIMARY KEY,
    -- when the last whole re-sweep ended (or the first import, which reads further back, made one needless)
    completed_at  TIMESTAMP(3)  NULL,
    -- the re-sweep under way: its window (repeated unchanged on every page), the next page's token, when it began
    window_after  TIMESTAMP(3)  NULL,
    window_before TIMESTAMP(3)  NULL,
    next_token    VARCHAR(2000) NULL,
    started_at    TIMESTAMP(3)  NULL
);

-- What an Amazon order's ERP document is made of, as Amazon gave it: each item's amount (row_line_no: its order_row) and
-- each charge kind over the order (SHIPPING, GIFT_WRAP, COD_FEE, OTHER, DISCOUNT negative), with the VAT Amazon reported
-- for it; vat_included says whether the amounts contain the VAT (Amazon's EU marketplaces) or take it on top.
CREATE TABLE order_amount_line (
    order_id     BIGINT        NOT NULL,
    line_no      INT           NOT NULL,
    kind         VARCHAR(12)   NOT NULL,
    row_line_no  INT           NULL,
    amount       DECIMAL(12,2) NOT NULL,
    vat_amount   DECIMAL(12,2) NULL,
    vat_included BOOLEAN       NOT NULL,
    note         VARCHAR(250)  NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_amount_line_order FOREIGN KEY (order_id) REFERENCES shop_order (id),
    CONSTRAINT ck_amount_line_kind CHECK (kind IN ('ITEM', 'SHIPPING', 'GIFT_WRAP', 'COD_FEE', 'OTHER', 'DISCOUNT'))
);
