use super::prelude::*;

pub struct CapitaliseFirstLetter;

impl CasrecFunction for CapitaliseFirstLetter {
    const NAME: &'static str = "capitalise_first_letter";
    const PARAMS: Params = Params::Exact(&[text("value")]);
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "Python's `str.title()` of the whole value, whitespace kept (`O'BRIEN` → `O'Brien`, \
        `mcdonald` → `Mcdonald`); client and deputy `surname`. NULL and blank give NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| f::capitalise_first_letter(a.text(0, r)))
    }
}
