SELECT last_number FROM erp_series_counter WHERE series = :?erpSeries
