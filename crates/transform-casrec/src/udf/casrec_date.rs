use super::prelude::*;

pub struct CasrecDate;

impl CasrecFunction for CasrecDate {
    const NAME: &'static str = "casrec_date";
    const PARAMS: Params = Params::Exact(&[text("value"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Date32;
    const DOC: &'static str = "A CasRec date read day-first as the original's `pd.to_datetime(dayfirst=True)` \
        did (`12/03/2019` is 12 March, ISO `2019-03-12` is never swapped, a time of day is dropped). NULL, blank, \
        whitespace-only and `NaT` give NULL; a value that is not a date gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.date_rows(|r| a.or_record(env, r, f::parse_casrec_date(a.text(0, r))))
    }
}
