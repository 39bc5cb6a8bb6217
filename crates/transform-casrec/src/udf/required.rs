use super::prelude::*;

pub struct Required;

impl CasrecFunction for Required {
    const NAME: &'static str = "required";
    const PARAMS: Params = Params::Exact(&[text("value"), text("source"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Utf8;
    const DOC: &'static str = "A value Sirius requires (a NOT NULL column) derived from CasRec `source`: \
        returned as it is when present; NULL or blank gives NULL and is recorded with the source text, so that \
        the mapping leaves the row out as quarantined (a person must supply the value) instead of loading a row \
        Sirius would refuse. The original wrote the NULL and the load failed.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.text_rows(|r| {
            let value = a.text(0, r).filter(|v| !v.trim().is_empty());
            if value.is_none() {
                let e = ValueError::new(
                    Self::NAME,
                    a.text(1, r).unwrap_or(""),
                    ErrorKind::Missing,
                    "Sirius requires a value and CasRec gives none",
                    OriginalBehaviour::Aborted,
                );
                a.record(env, r, &e);
            }
            value
        })
    }
}
