-- Every pending report log has its scheduled reporting event.
SELECT "casrec_row_id" FROM t_annual_report_logs_pending
