use super::prelude::*;

pub struct LondonLocalToUtc;

impl CasrecFunction for LondonLocalToUtc {
    const NAME: &'static str = "london_local_to_utc";
    const PARAMS: Params = Params::Exact(&[timestamp("local"), ROW_ID, LABEL]);
    const RETURNS: DataType = TIMESTAMP;
    const DOC: &'static str = "A Europe/London wall-clock timestamp as the UTC instant, with the UK rules since 1972 \
        (`2020-06-12 00:00` → `2020-06-11 23:00`); a time skipped or repeated at a clock change is read as GMT, \
        like PostgreSQL. Takes a timestamp, not CasRec text. NULL gives NULL; a time before 1972 (no rules \
        encoded) gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.timestamp_rows(|r| {
            let local = a.timestamp(0, r)?;
            let utc = f::london_local_to_utc(local).map(|l| l.resolve()).ok_or_else(|| {
                ValueError::new(
                    Self::NAME,
                    &f::format_datetime(local),
                    ErrorKind::OutOfRange,
                    "Europe/London rules are encoded from 1972 onwards",
                    OriginalBehaviour::Silent,
                )
            });
            a.or_record(env, r, utc.map(Some))
        })
    }
}
