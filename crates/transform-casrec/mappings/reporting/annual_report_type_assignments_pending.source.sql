-- Every pending report log has its report type assignment.
SELECT "casrec_row_id" FROM t_annual_report_logs_pending
