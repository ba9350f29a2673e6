-- Issue 11: an Amazon order's document rows add up to its total and each records its VAT. Promotions and discounts
-- are DISCOUNT rows (negative unit price); prices_include_vat says whether row prices contain the VAT (Amazon's EU
-- marketplaces) or take it on top. Rows and documents stored before keep NULL: not known.
ALTER TABLE erp_row
    ADD COLUMN vat_amount DECIMAL(12,2) NULL AFTER unit_price,
    DROP CONSTRAINT ck_erp_row_kind,
    ADD CONSTRAINT ck_erp_row_kind CHECK (kind IN ('ITEM', 'EXPENSE', 'DISCOUNT', 'NOTE'));

ALTER TABLE erp_document
    ADD COLUMN prices_include_vat BOOLEAN NULL AFTER total;
