use super::prelude::*;

pub struct CasrecTime;

impl CasrecFunction for CasrecTime {
    const NAME: &'static str = "casrec_time";
    const PARAMS: Params = Params::Exact(&[text("value"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Time64(TimeUnit::Microsecond);
    const DOC: &'static str = "A CasRec time of day on its own (`at`, `at.1`: `H:MM`, `H:MM:SS`, \
        `H:MM:SS.fraction`), the fraction kept, so that rows can be ordered by when they were stamped. NULL, blank \
        and `NaT` give NULL; a value that is not a time of day gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.time_rows(|r| a.or_record(env, r, f::parse_casrec_time(a.text(0, r))))
    }
}
