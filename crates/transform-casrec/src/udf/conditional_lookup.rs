use super::lookup::table;
use super::prelude::*;

pub struct ConditionalLookup;

impl CasrecFunction for ConditionalLookup {
    const NAME: &'static str = "conditional_lookup";
    const PARAMS: Params = Params::Exact(&[text("lookup_name"), text("condition"), text("data_column"), text("value")]);
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "`value`, verbatim, if the lookup maps `condition` to the CasRec column name \
        `data_column`, else NULL (client `dateofdeath` is `Term Date` when `Term Type` is `D`). Exact matching; a \
        NULL condition gives NULL. A lookup that does not exist stops the query.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.try_text_rows(|r| {
            let t = table(Self::NAME, env, a.text(0, r))?;
            Ok(f::conditional_lookup(t, a.text(2, r).unwrap_or(""), a.text(1, r), a.text(3, r)))
        })
    }
}
