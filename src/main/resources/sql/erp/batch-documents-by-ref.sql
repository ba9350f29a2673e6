-- The documents already stored for a batch's idempotency references (ErpBatchStore): asking twice stores once.
SELECT d.id, d.idempotency_ref, d.series, d.number, c.code AS customer_code, s.code AS ship_to_code
FROM erp_document d
JOIN erp_customer c ON c.id = d.customer_id
LEFT JOIN erp_ship_to s ON s.id = d.ship_to_id
WHERE d.idempotency_ref IN (:refs)
