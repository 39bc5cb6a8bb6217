use super::prelude::*;

pub struct FormatDate;

impl CasrecFunction for FormatDate {
    const NAME: &'static str = "format_date";
    const PARAMS: Params = Params::Exact(&[date("date")]);
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "The standard text form of a date, `YYYY-MM-DD`, as the original's `current_date`, \
        `DueDateCalculator` and `strftime(\"%Y-%m-%d\")` wrote it; a timestamp loses its time of day. Takes a date, \
        not CasRec text. NULL gives NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| a.date(0, r).map(f::format_date))
    }
}
