use super::prelude::*;

pub struct CoerceBool;

impl CasrecFunction for CoerceBool {
    const NAME: &'static str = "coerce_bool";
    const PARAMS: Params = Params::Exact(&[text("value"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Boolean;
    const DOC: &'static str = "The `bool` coercion with PostgreSQL's boolean input rules, which the original left \
        the insert to apply: trimmed and case-insensitive `t`, `true`, `y`, `yes`, `on`, `1` (and unambiguous \
        prefixes) are true, `f`, `false`, `n`, `no`, `off`, `0` false. NULL, blank and whitespace-only give NULL; \
        anything else (`2`, `maybe`) gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.bool_rows(|r| a.or_record(env, r, f::coerce_bool(a.text(0, r))))
    }
}
