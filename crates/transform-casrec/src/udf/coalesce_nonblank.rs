use super::prelude::*;

pub struct CoalesceNonblank;

impl CasrecFunction for CoalesceNonblank {
    const NAME: &'static str = "coalesce_nonblank";
    const PARAMS: Params = Params::Variadic(text("value"));
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "The original's `coalesce` (annual_report_logs `receiveddate` from `Rcvd Date`, \
        `Lodge Date`): the first value that is neither NULL nor blank, else NULL; a whitespace-only value counts as \
        a value. Named apart from SQL's own `coalesce`, which only skips NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| f::coalesce(&a.texts(r)))
    }
}
