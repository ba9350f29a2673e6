SELECT id, code FROM erp_ship_to WHERE code = :?erpShipToCode
