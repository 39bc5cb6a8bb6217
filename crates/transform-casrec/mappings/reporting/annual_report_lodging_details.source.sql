-- Every account report log has its lodging details.
SELECT "casrec_row_id" FROM t_annual_report_logs
