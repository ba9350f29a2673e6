SELECT COALESCE(MAX(seq), 0) FROM erp_change
