use super::prelude::*;

pub struct EndOfTaxYear;

impl CasrecFunction for EndOfTaxYear {
    const NAME: &'static str = "end_of_tax_year";
    const PARAMS: Params = Params::Exact(&[text("value"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Date32;
    const DOC: &'static str = "31 March ending the financial year (1 April – 31 March) holding the CasRec date \
        (finance_invoice_non_ad `enddate`): 31 March 2020 → 2020-03-31, 1 April 2020 → 2021-03-31. NULL, blank and \
        whitespace-only give NULL; a value that is not a date gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.date_rows(|r| a.or_record(env, r, f::end_of_tax_year(a.text(0, r))))
    }
}
