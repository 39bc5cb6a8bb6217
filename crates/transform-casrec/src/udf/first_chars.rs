use super::prelude::*;

pub struct FirstChars;

impl CasrecFunction for FirstChars {
    const NAME: &'static str = "first_chars";
    const PARAMS: Params = Params::Exact(&[text("value"), int("n")]);
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "The first `n` characters (Unicode scalar values, like Python's `value[:n]`), \
        whitespace kept; the original's `first_x_chars` condition. NULL value or `n` gives NULL; a negative `n` is \
        a mapping error that stops the query.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.try_text_rows(|r| match a.int(1, r).map(usize::try_from) {
            None => Ok(None),
            Some(Ok(n)) => Ok(f::first_chars(a.text(0, r), n)),
            Some(Err(_)) => exec_err!("first_chars: n is negative"),
        })
    }
}
