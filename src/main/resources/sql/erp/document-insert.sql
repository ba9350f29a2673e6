INSERT INTO erp_document (series, number, doc_date, customer_id, ship_to_id, status, currency, total, prices_include_vat, idempotency_ref, external_ref)
VALUES (:?series, :?number, :?date, :?customerId, :?shipToId, 'STORED', :?currency, :?total, :?pricesIncludeVat, :?ref, :?externalRef)
