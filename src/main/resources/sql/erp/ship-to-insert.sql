INSERT INTO erp_ship_to (customer_id, code, name, line1, line2, city, province, postal_code, country_code, shop_ref)
VALUES (:?customerId, :?code, :?name, :?line1, :?line2, :?city, :?province, :?postalCode, :?countryCode, :?shopRef)
