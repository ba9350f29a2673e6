-- Ship-to codes are the customer's code plus a running number (501.00012-D01, -D02, ...).
SELECT COUNT(*) FROM erp_ship_to WHERE customer_id = :?erpCustomerId
