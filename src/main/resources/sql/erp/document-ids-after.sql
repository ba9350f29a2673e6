-- Every document, a page at a time, for TOTAL runs that re-read everything.
SELECT id FROM erp_document WHERE id > :?erpAfterId ORDER BY id LIMIT :?erpLimit
