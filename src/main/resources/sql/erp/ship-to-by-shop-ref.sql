SELECT id, code FROM erp_ship_to WHERE shop_ref = :?erpShopRef
