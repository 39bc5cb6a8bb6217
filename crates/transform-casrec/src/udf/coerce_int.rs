use super::prelude::*;

pub struct CoerceInt;

impl CasrecFunction for CoerceInt {
    const NAME: &'static str = "coerce_int";
    const PARAMS: Params = Params::Exact(&[text("value"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Int64;
    const DOC: &'static str = "The `int` coercion as a 64-bit integer (`casrec_int` is the one for `integer` \
        columns): `12`, `12.0`, `1e3` are integers; NULL, blank and whitespace-only give NULL; a fraction, text \
        that is not a number or a number beyond 64 bits gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.int64_rows(|r| a.or_record(env, r, f::coerce_int(a.text(0, r))))
    }
}
