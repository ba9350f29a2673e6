-- The change log after the watermark, with the ERP's clock: ErpChangeLog decides how far the watermark may move.
SELECT seq, document_id, changed_at, CURRENT_TIMESTAMP(3) AS read_at
FROM erp_change
WHERE seq > :?erpWatermark
ORDER BY seq
LIMIT :?erpLimit
