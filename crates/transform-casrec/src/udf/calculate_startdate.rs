use super::prelude::*;

pub struct CalculateStartdate;

impl CasrecFunction for CalculateStartdate {
    const NAME: &'static str = "calculate_startdate";
    const PARAMS: Params = Params::Exact(&[text("end_date"), ROW_ID, LABEL]);
    const RETURNS: DataType = TIMESTAMP;
    const DOC: &'static str = "The start of a reporting period from its CasRec end date (annual_report_logs \
        `reportingperiodstartdate`): one calendar year back, then one day on (`2021-12-08` → `2020-12-09`, \
        `2020-02-29` → `2019-03-01`), time of day kept. NULL, blank and whitespace-only give NULL; a value that is \
        not a date gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.timestamp_rows(|r| a.or_record(env, r, f::calculate_startdate(a.text(0, r))))
    }
}
