-- Takes the next customer number of a ledger; the counter row stays locked until the ERP transaction ends,
-- so two writers never share a number, and a rolled-back insert gives its number back.
INSERT INTO erp_ledger_counter (ledger, last_number) VALUES (:?erpLedger, 1)
ON DUPLICATE KEY UPDATE last_number = last_number + 1
