SELECT id, code FROM erp_customer WHERE code = :?erpCustomerCode
