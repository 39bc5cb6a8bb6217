use super::prelude::*;

pub struct ConvertToBool;

impl CasrecFunction for ConvertToBool {
    const NAME: &'static str = "convert_to_bool";
    const PARAMS: Params = Params::Exact(&[text("value")]);
    const RETURNS: DataType = DataType::Boolean;
    const DOC: &'static str = "True iff the value is exactly `1` or `1.0` (addresses `isairmailrequired` from \
        `Foreign`); everything else, NULL, blank, ` 1`, `Y` and `True` included, is false. Never NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.bool_rows(|r| Some(f::convert_to_bool(a.text(0, r))))
    }
}
