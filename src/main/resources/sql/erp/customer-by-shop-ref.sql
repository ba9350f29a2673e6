SELECT id, code FROM erp_customer WHERE shop_ref = :?erpShopRef
