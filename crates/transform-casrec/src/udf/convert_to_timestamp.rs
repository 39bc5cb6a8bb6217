use super::prelude::*;

pub struct ConvertToTimestamp;

impl CasrecFunction for ConvertToTimestamp {
    const NAME: &'static str = "convert_to_timestamp";
    const PARAMS: Params = Params::Exact(&[text("date"), text("time"), ROW_ID, LABEL]);
    const RETURNS: DataType = TIMESTAMP;
    const DOC: &'static str = "A CasRec date (`YYYY-MM-DD`, its first 10 characters) and time of day (`H:MM:SS`, a \
        fraction dropped) read as Europe/London wall-clock time and returned as the UTC instant, as the notes' \
        `createdtime` was stored: `2020-06-12` with a blank time → `2020-06-11 23:00:00`. A wall time skipped or \
        repeated at a clock change is read as GMT, like PostgreSQL (the original aborted). NULL, blank and `NaT` \
        dates give NULL, such times midnight; any other form, or a date before 1972, gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.timestamp_rows(|r| a.or_record(env, r, f::convert_to_timestamp(a.text(0, r), a.text(1, r))))
    }
}
