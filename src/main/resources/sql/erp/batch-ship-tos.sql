-- A batch's ship-to addresses, by their existing codes or the shop's references (ErpBatchStore).
SELECT id, code, shop_ref FROM erp_ship_to WHERE code IN (:codes) OR shop_ref IN (:shopRefs)
