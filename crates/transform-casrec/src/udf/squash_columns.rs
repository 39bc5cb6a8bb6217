use super::prelude::*;

pub struct SquashColumns;

impl CasrecFunction for SquashColumns {
    const NAME: &'static str = "squash_columns";
    const PARAMS: Params = Params::Variadic(text("value"));
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "The values, in order, as a JSON array text exactly as Python's `json.dumps(list)` \
        wrote it (addresses `address_lines`): NULL → `null`, blank kept as `\"\"`, non-ASCII as `\\uXXXX`. Never \
        NULL, never fails.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| Some(f::squash_columns(&a.texts(r))))
    }
}
