use super::prelude::*;

pub struct CasrecTimestamp;

impl CasrecFunction for CasrecTimestamp {
    const NAME: &'static str = "casrec_timestamp";
    const PARAMS: Params = Params::Exact(&[text("value"), ROW_ID, LABEL]);
    const RETURNS: DataType = TIMESTAMP;
    const DOC: &'static str = "A CasRec date and time read day-first like `casrec_date`, rounded to whole seconds \
        half up as a PostgreSQL `timestamp(0)` column rounds on insert. NULL, blank and `NaT` give NULL; a value \
        that is not a date/time gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.timestamp_rows(|r| a.or_record(env, r, f::parse_casrec_datetime(a.text(0, r))).map(f::round_to_second))
    }
}
