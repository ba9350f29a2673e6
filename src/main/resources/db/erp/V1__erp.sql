-- The ERP (gestionale) database: customer accounts, ship-to addresses, order documents and their rows.
-- People change it outside Ponte (the accountant); Ponte inserts orders and reads their fate.

CREATE TABLE erp_customer (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    ledger        VARCHAR(20)  NOT NULL,
    code          VARCHAR(30)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    email         VARCHAR(254),
    phone         VARCHAR(40),
    vat_number    VARCHAR(30),
    address       VARCHAR(200),
    city          VARCHAR(100),
    province      VARCHAR(60),
    postal_code   VARCHAR(20),
    country_code  CHAR(2),
    -- the shop customer this account was opened for: one account per shop customer, whatever retries happen
    shop_ref      VARCHAR(60),
    created_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_erp_customer_code UNIQUE (code),
    CONSTRAINT uq_erp_customer_shop UNIQUE (shop_ref)
);

CREATE TABLE erp_ledger_counter (
    ledger      VARCHAR(20) PRIMARY KEY,
    last_number INT         NOT NULL
);

CREATE TABLE erp_ship_to (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_id  BIGINT       NOT NULL,
    code         VARCHAR(30)  NOT NULL,
    name         VARCHAR(200),
    line1        VARCHAR(200) NOT NULL,
    line2        VARCHAR(200),
    city         VARCHAR(100) NOT NULL,
    province     VARCHAR(60),
    postal_code  VARCHAR(20),
    country_code CHAR(2)      NOT NULL,
    shop_ref     VARCHAR(60),
    created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_ship_to_customer FOREIGN KEY (customer_id) REFERENCES erp_customer (id),
    CONSTRAINT uq_ship_to_code UNIQUE (code),
    CONSTRAINT uq_ship_to_shop UNIQUE (shop_ref)
);

CREATE TABLE erp_series_counter (
    series      VARCHAR(10) PRIMARY KEY,
    last_number INT         NOT NULL
);

CREATE TABLE erp_document (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    series             VARCHAR(10)   NOT NULL,
    number             INT           NOT NULL,
    doc_date           DATE          NOT NULL,
    customer_id        BIGINT        NOT NULL,
    ship_to_id         BIGINT,
    status             VARCHAR(12)   NOT NULL DEFAULT 'STORED',
    currency           CHAR(3)       NOT NULL DEFAULT 'EUR',
    total              DECIMAL(12,2) NOT NULL DEFAULT 0,
    -- who asked for this document (e.g. AMAZON:<account>:<orderId>): a retry finds it instead of inserting it twice
    idempotency_ref    VARCHAR(80)   NOT NULL,
    external_ref       VARCHAR(60),
    cancel_reason_code VARCHAR(40),
    carrier            VARCHAR(100),
    transport_start    DATETIME(0)   NULL,
    tracking_number    VARCHAR(100),
    created_at         TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at         TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_document_customer FOREIGN KEY (customer_id) REFERENCES erp_customer (id),
    CONSTRAINT fk_document_ship_to FOREIGN KEY (ship_to_id) REFERENCES erp_ship_to (id),
    CONSTRAINT uq_document_number UNIQUE (series, number),
    CONSTRAINT uq_document_ref UNIQUE (idempotency_ref)
);

CREATE TABLE erp_row (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_id BIGINT        NOT NULL,
    line_no     INT           NOT NULL,
    kind        VARCHAR(10)   NOT NULL,
    item_code   VARCHAR(60),
    description VARCHAR(500)  NOT NULL,
    quantity    DECIMAL(12,3) NOT NULL DEFAULT 0,
    unit_price  DECIMAL(12,2) NOT NULL DEFAULT 0,
    fulfil      CHAR(1)       NOT NULL DEFAULT 'S',
    external_ref VARCHAR(60),
    CONSTRAINT fk_row_document FOREIGN KEY (document_id) REFERENCES erp_document (id),
    CONSTRAINT uq_erp_row_line UNIQUE (document_id, line_no),
    CONSTRAINT ck_erp_row_kind CHECK (kind IN ('ITEM', 'EXPENSE', 'NOTE')),
    CONSTRAINT ck_erp_row_fulfil CHECK (fulfil IN ('S', 'N'))
);
