use super::prelude::*;

pub struct UniqueNumber;

impl CasrecFunction for UniqueNumber {
    const NAME: &'static str = "unique_number";
    const PARAMS: Params = Params::Exact(&[text("seed")]);
    const RETURNS: DataType = DataType::Int64;
    const DOC: &'static str = "The reproducible stand-in for the original's random 12-digit `unique_number`: a \
        number from 100000000000 to 999999999999 derived from `seed` (via `uuid_from`). Distinct seeds can collide; \
        a column that must be unique needs a constraint. NULL gives NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.int64_rows(|r| a.text(0, r).and_then(|s| i64::try_from(f::unique_number_from(s)).ok()))
    }
}
