use super::prelude::*;

pub struct FirstTwoChars;

impl CasrecFunction for FirstTwoChars {
    const NAME: &'static str = "first_two_chars";
    const PARAMS: Params = Params::Exact(&[text("value")]);
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "The first two characters, whitespace kept (`value[:2]`; finance_invoice_non_ad \
        `feetype` from `Invoice No`). A one-character value is returned whole; NULL and blank give NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| f::first_two_chars(a.text(0, r)))
    }
}
