use super::prelude::*;

pub struct CalculateDuedate;

impl CasrecFunction for CalculateDuedate {
    const NAME: &'static str = "calculate_duedate";
    const PARAMS: Params = Params::Exact(&[text("end_date"), ROW_ID, LABEL]);
    const RETURNS: DataType = TIMESTAMP;
    const DOC: &'static str = "The mapping's `calculate_duedate` transformation (annual_report_logs `duedate`): the \
        CasRec end date plus 21 days, a Saturday or Sunday moved to the Monday after, no bank holidays, time of day \
        kept. NULL, blank and whitespace-only give NULL; a value that is not a date gives NULL and is recorded (the \
        original wrote NULL silently). `due_date_for_case` is the rule that replaced it.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.timestamp_rows(|r| a.or_record(env, r, f::calculate_duedate(a.text(0, r))))
    }
}
