INSERT INTO erp_customer (ledger, code, name, email, phone, vat_number, address, city, province, postal_code, country_code, shop_ref)
VALUES (:?ledger, :?code, :?name, :?email, :?phone, :?vatNumber, :?address, :?city, :?province, :?postalCode, :?countryCode, :?shopRef)
