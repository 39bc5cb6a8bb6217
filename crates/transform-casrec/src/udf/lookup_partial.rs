use super::lookup::table;
use super::prelude::*;

pub struct LookupPartial;

impl CasrecFunction for LookupPartial {
    const NAME: &'static str = "lookup_partial";
    const PARAMS: Params = Params::Exact(&[text("lookup_name"), text("code")]);
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "The value of a code in a lookup that lists only some codes on purpose (e.g. the \
        status overrides): any other code, NULL and blank give NULL and are not exceptions. A lookup that does not \
        exist stops the query.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.try_text_rows(|r| {
            let t = table(Self::NAME, env, a.text(0, r))?;
            Ok(a.text(1, r).and_then(|code| t.get(code)))
        })
    }
}
