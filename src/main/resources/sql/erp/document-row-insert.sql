-- One statement batch per document (ErpDocumentRows): the rows of an order go in together.
INSERT INTO erp_row (document_id, line_no, kind, item_code, description, quantity, unit_price, vat_amount, fulfil, external_ref)
VALUES (:documentId, :lineNo, :kind, :itemCode, :description, :quantity, :unitPrice, :vatAmount, 'S', :externalRef)
