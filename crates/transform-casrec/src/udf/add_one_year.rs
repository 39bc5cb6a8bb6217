use super::prelude::*;

pub struct AddOneYear;

impl CasrecFunction for AddOneYear {
    const NAME: &'static str = "add_one_year";
    const PARAMS: Params = Params::Exact(&[text("value"), ROW_ID, LABEL]);
    const RETURNS: DataType = TIMESTAMP;
    const DOC: &'static str = "The CasRec date (day-first) plus one calendar year, time of day kept, 29 February \
        becoming 28 February (finance_invoice_ad `enddate`). NULL, blank and whitespace-only give NULL; a value \
        that is not a date gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.timestamp_rows(|r| a.or_record(env, r, f::add_one_year(a.text(0, r))))
    }
}
