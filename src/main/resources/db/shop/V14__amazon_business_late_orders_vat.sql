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
