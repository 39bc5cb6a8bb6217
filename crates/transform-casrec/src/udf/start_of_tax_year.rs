use super::prelude::*;

pub struct StartOfTaxYear;

impl CasrecFunction for StartOfTaxYear {
    const NAME: &'static str = "start_of_tax_year";
    const PARAMS: Params = Params::Exact(&[text("value"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Date32;
    const DOC: &'static str = "1 April of the financial year (1 April – 31 March, not HMRC's 6 April year) holding \
        the CasRec date (finance_invoice_non_ad `startdate`): 31 March 2020 → 2019-04-01, 1 April 2020 → \
        2020-04-01. NULL, blank and whitespace-only give NULL (the original aborted on a blank); a value that is \
        not a date gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.date_rows(|r| a.or_record(env, r, f::start_of_tax_year(a.text(0, r))))
    }
}
