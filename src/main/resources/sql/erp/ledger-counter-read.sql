SELECT last_number FROM erp_ledger_counter WHERE ledger = :?erpLedger
