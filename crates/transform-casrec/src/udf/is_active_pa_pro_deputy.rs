use super::prelude::*;

pub struct IsActivePaProDeputy;

impl CasrecFunction for IsActivePaProDeputy {
    const NAME: &'static str = "is_active_pa_pro_deputy";
    const PARAMS: Params = Params::Exact(&[text("dep_type"), text("stat")]);
    const RETURNS: DataType = DataType::Boolean;
    const DOC: &'static str = "True for an active (`Stat` exactly `1`) PA/professional deputy \
        (`is_pa_pro_deputy_type`): a case with a deputyship of such a deputy gets the 40-business-day rule of \
        `due_date_for_case`. NULL and blank are false; never NULL.";

    fn invoke(_env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.bool_rows(|r| Some(f::is_active_pa_pro_deputy(a.text(0, r), a.text(1, r))))
    }
}
