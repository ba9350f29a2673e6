-- Takes the next :count document numbers of a series in one statement (a batch's documents); locked until the ERP
-- transaction ends, like the ledger counter.
INSERT INTO erp_series_counter (series, last_number) VALUES (:erpSeries, :count)
ON DUPLICATE KEY UPDATE last_number = last_number + :count
