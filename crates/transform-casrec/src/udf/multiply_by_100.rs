use super::prelude::*;

pub struct MultiplyBy100;

impl CasrecFunction for MultiplyBy100 {
    const NAME: &'static str = "multiply_by_100";
    const PARAMS: Params = Params::Exact(&[text("amount"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Int64;
    const DOC: &'static str = "Pounds to integer pence (finance_invoice `amount`), exact, a fraction of a penny \
        rounded half away from zero (`0.665` → 67; the original truncated to 66). NULL, blank and whitespace-only \
        give NULL; text that is not a number, or pence beyond 64 bits, gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.int64_rows(|r| a.or_record(env, r, f::multiply_by_100(a.text(0, r))))
    }
}
