use super::prelude::*;

pub struct Lookup;

/// The lookup a row names; a missing one is a mapping error, so it stops the query.
pub(super) fn table<'a>(function: &str, env: &'a UdfEnv, name: Option<&str>) -> DfResult<&'a f::Lookup> {
    let Some(name) = name else { return exec_err!("{function}: the lookup name is NULL") };
    match env.lookups.get(name) {
        Some(t) => Ok(t),
        None => exec_err!("{function}: no lookup named {name:?} in mappings/lookups"),
    }
}

impl CasrecFunction for Lookup {
    const NAME: &'static str = "lookup";
    const PARAMS: Params = Params::Exact(&[text("lookup_name"), text("code"), text("default"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "The value of a code in `mappings/lookups/<lookup_name>.csv`, exact match (case and \
        whitespace count), with the original's defaults: NULL, and blank when `default` is not NULL, give \
        `default`; a blank code without a default gives the lookup's blank entry or NULL. An unknown code gives \
        `default` and is recorded (the original wrote it silently). A lookup that does not exist stops the query.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.try_text_rows(|r| {
            let t = table(Self::NAME, env, a.text(0, r))?;
            Ok(f::lookup(t, a.text(1, r), a.text(2, r)).unwrap_or_else(|e| {
                a.record(env, r, &e);
                e.fallback
            }))
        })
    }
}
