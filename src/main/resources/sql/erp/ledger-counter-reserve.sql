-- Takes the next :count customer numbers of a ledger in one statement (a batch's new accounts); the counter row stays
-- locked until the ERP transaction ends, and a rolled-back batch gives its numbers back.
INSERT INTO erp_ledger_counter (ledger, last_number) VALUES (:erpLedger, :count)
ON DUPLICATE KEY UPDATE last_number = last_number + :count
