use super::prelude::*;

pub struct FormatDatetime;

impl CasrecFunction for FormatDatetime {
    const NAME: &'static str = "format_datetime";
    const PARAMS: Params = Params::Exact(&[timestamp("value")]);
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "The standard text form of a timestamp, `YYYY-MM-DD HH:MM:SS` as a `timestamp(0)` \
        column holds it; a fraction of a second is dropped (`casrec_timestamp` rounds first). Takes a timestamp, \
        not CasRec text. NULL gives NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| a.timestamp(0, r).map(f::format_datetime))
    }
}
