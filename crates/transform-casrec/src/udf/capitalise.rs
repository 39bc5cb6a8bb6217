use super::prelude::*;

pub struct Capitalise;

impl CasrecFunction for Capitalise {
    const NAME: &'static str = "capitalise";
    const PARAMS: Params = Params::Exact(&[text("value")]);
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "Python's `str.upper()`: full Unicode upper-casing (`ß` → `SS`). Unused by the \
        original's mappings. NULL and blank give NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| f::capitalise(a.text(0, r)))
    }
}
