-- Takes the next document number of a series; locked until the ERP transaction ends, like the ledger counter.
INSERT INTO erp_series_counter (series, last_number) VALUES (:?erpSeries, 1)
ON DUPLICATE KEY UPDATE last_number = last_number + 1
