-- What the state diff reads of a batch of documents; the ids come as one bound JSON array.
SELECT d.id, d.idempotency_ref, d.series, d.number, d.status, d.cancel_reason_code, d.carrier, d.transport_start,
       d.tracking_number, d.updated_at,
       NOT EXISTS (SELECT 1 FROM erp_row r WHERE r.document_id = d.id AND r.kind = 'ITEM' AND r.fulfil <> 'N') AS all_n
FROM erp_document d
JOIN JSON_TABLE(:?erpDocumentIds, '$[*]' COLUMNS (id BIGINT PATH '$')) AS wanted ON wanted.id = d.id
ORDER BY d.id
