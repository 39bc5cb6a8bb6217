use super::prelude::*;

pub struct FirstWord;

impl CasrecFunction for FirstWord {
    const NAME: &'static str = "first_word";
    const PARAMS: Params = Params::Exact(&[text("value")]);
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "The first word, title-cased like Python's `str.title()` (client `firstname` from \
        `Forename`, deputy `firstname` from `Dep Forename`). The value is trimmed and any run of whitespace \
        separates words (the original split on the first single space). NULL, blank and whitespace-only give NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| f::first_word(a.text(0, r)))
    }
}
