use super::prelude::*;

pub struct IsPaProDeputyType;

impl CasrecFunction for IsPaProDeputyType {
    const NAME: &'static str = "is_pa_pro_deputy_type";
    const PARAMS: Params = Params::Exact(&[text("dep_type")]);
    const RETURNS: DataType = DataType::Boolean;
    const DOC: &'static str = "True if the deputy's `Dep Type` is exactly one of the PA/professional codes of the \
        due-date rule (`20`–`29`, `60`, `73`, `90`; no trimming). NULL and blank are false; never NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.bool_rows(|r| Some(f::is_pa_pro_deputy_type(a.text(0, r))))
    }
}
