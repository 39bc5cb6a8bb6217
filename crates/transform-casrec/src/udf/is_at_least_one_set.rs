use super::prelude::*;

pub struct IsAtLeastOneSet;

impl CasrecFunction for IsAtLeastOneSet {
    const NAME: &'static str = "is_at_least_one_set";
    const PARAMS: Params = Params::Variadic(text("value"));
    const RETURNS: DataType = DataType::Boolean;
    const DOC: &'static str = "True if any value is neither NULL nor blank; a whitespace-only value counts as set, \
        as in the original (annual_report_lodging_details `bankstatementsreceived`). Never NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.bool_rows(|r| Some(f::is_at_least_one_set(&a.texts(r))))
    }
}
