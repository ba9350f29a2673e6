-- A batch's customer accounts, by their existing codes or the shop's references (ErpBatchStore).
SELECT id, code, shop_ref FROM erp_customer WHERE code IN (:codes) OR shop_ref IN (:shopRefs)
