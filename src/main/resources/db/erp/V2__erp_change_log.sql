-- Every change to a document or its rows, whoever makes it (Ponte or the accountant), leaves a numbered line:
-- a CHANGED run reads the lines after its watermark instead of scanning the whole ERP.
CREATE TABLE erp_change (
    seq         BIGINT AUTO_INCREMENT PRIMARY KEY,
    document_id BIGINT       NOT NULL,
    changed_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    INDEX ix_erp_change_document (document_id)
);

CREATE TRIGGER trg_erp_document_insert AFTER INSERT ON erp_document FOR EACH ROW
    INSERT INTO erp_change (document_id) VALUES (NEW.id);

CREATE TRIGGER trg_erp_document_update AFTER UPDATE ON erp_document FOR EACH ROW
    INSERT INTO erp_change (document_id) VALUES (NEW.id);

CREATE TRIGGER trg_erp_row_update AFTER UPDATE ON erp_row FOR EACH ROW
    INSERT INTO erp_change (document_id) VALUES (NEW.document_id);
