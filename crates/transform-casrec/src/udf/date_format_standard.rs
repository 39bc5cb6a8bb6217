use super::prelude::*;

pub struct DateFormatStandard;

impl CasrecFunction for DateFormatStandard {
    const NAME: &'static str = "date_format_standard";
    const PARAMS: Params = Params::Exact(&[text("value"), ROW_ID, LABEL]);
    const RETURNS: DataType = TIMESTAMP;
    const DOC: &'static str = "The standard coercion of a `date`/`datetime` mapping field under the name the \
        original gave it: the day-first parser of `casrec_date`, time of day kept to the microsecond (no rounding; \
        `format_date` gives the original's `YYYY-MM-DD` text). NULL, blank and `NaT` give NULL; a value that is not \
        a date gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.timestamp_rows(|r| a.or_record(env, r, f::date_format_standard(a.text(0, r))))
    }
}
