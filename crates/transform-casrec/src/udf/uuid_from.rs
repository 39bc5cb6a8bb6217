use super::prelude::*;

pub struct UuidFrom;

impl CasrecFunction for UuidFrom {
    const NAME: &'static str = "uuid_from";
    const PARAMS: Params = Params::Exact(&[text("seed")]);
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "The reproducible stand-in for the original's random `uuid4` (finance_ledger \
        `reference`): the version-5 UUID of `seed` in the migration's namespace, as Python's \
        `uuid.uuid5(namespace, seed)` gives it, lower-case with dashes. Give a seed unique per row and stable \
        across runs, e.g. `'finance_ledger:' || casrec_row_id`. NULL gives NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| a.text(0, r).map(|s| f::uuid_from(s).to_string()))
    }
}
