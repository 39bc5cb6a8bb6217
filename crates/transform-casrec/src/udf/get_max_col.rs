use super::prelude::*;

pub struct GetMaxCol;

impl CasrecFunction for GetMaxCol {
    const NAME: &'static str = "get_max_col";
    const PARAMS: Params = Params::Variadic(text("value"));
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "The row-wise maximum, unused by the original's mappings: if every non-blank value is \
        a number, the numeric maximum written like a Python float (`6.0`), otherwise the greatest text. NULL and \
        blank values are ignored; none left gives NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| f::get_max_col(&a.texts(r)))
    }
}
