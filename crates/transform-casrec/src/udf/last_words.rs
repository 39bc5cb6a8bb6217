use super::prelude::*;

pub struct LastWords;

impl CasrecFunction for LastWords {
    const NAME: &'static str = "last_words";
    const PARAMS: Params = Params::Exact(&[text("value")]);
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "Every word after the first, joined by single spaces and title-cased (client \
        `middlenames`, deputy `othernames`, from the forename column). NULL when there is only one word, and for \
        NULL, blank and whitespace-only values.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| f::last_words(a.text(0, r)))
    }
}
