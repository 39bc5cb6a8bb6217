use super::money_pound_pence::money;
use super::prelude::*;

pub struct AbsoluteValue;

impl CasrecFunction for AbsoluteValue {
    const NAME: &'static str = "absolute_value";
    const PARAMS: Params = Params::Exact(&[text("amount"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Decimal128(38, 2);
    const DOC: &'static str = "`abs(Decimal(amount))` in pounds (finance_ledger and ledger allocation `amount`), an \
        exact `Decimal128(38, 2)` rounded half away from zero to the penny. NULL, blank and whitespace-only give \
        NULL (the original aborted on a blank); text that is not a number gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.decimal_rows(&Self::RETURNS, |r| {
            let d = a.or_record(env, r, f::absolute_value(a.text(0, r)))?;
            money(env, a, r, Self::NAME, d)
        })
    }
}
