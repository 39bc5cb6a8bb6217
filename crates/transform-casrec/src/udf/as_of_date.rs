use super::prelude::*;
use datafusion::common::ScalarValue;

pub struct AsOfDate;

impl CasrecFunction for AsOfDate {
    const NAME: &'static str = "as_of_date";
    // The built-in reads the wall clock; answering to its name keeps every run reproducible.
    const ALIASES: &'static [&'static str] = &["current_date"];
    const PARAMS: Params = Params::Exact(&[]);
    const RETURNS: DataType = DataType::Date32;
    const DOC: &'static str = "The run's as-of date, the original's `current_date` calculated field (which read the \
        container's clock at start-up). `current_date()` is this function too, so no mapping reads the wall clock.";

    fn invoke(env: &UdfEnv, _a: &Args) -> DfResult<ColumnarValue> {
        Ok(ColumnarValue::Scalar(ScalarValue::Date32(Some(super::date32(f::current_date(env.as_of))))))
    }
}
