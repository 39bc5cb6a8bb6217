use super::prelude::*;

pub struct MoneyPoundPence;

impl CasrecFunction for MoneyPoundPence {
    const NAME: &'static str = "money_pound_pence";
    const PARAMS: Params = Params::Exact(&[text("amount"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Decimal128(38, 2);
    const DOC: &'static str = "The original's `money_poundPence`: the CasRec amount in pounds (not pence, despite \
        the name) as an exact `Decimal128(38, 2)`, rounded half away from zero to the penny as the bonds' \
        `numeric(12,2)` columns round on insert. Blank and whitespace-only give 0, NULL gives NULL; text that is not \
        a number (`£5`, `1,000`) gives NULL and is recorded (the original aborted).";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.decimal_rows(&Self::RETURNS, |r| {
            let d = a.or_record(env, r, f::money_pound_pence(a.text(0, r)))?;
            money(env, a, r, Self::NAME, d)
        })
    }
}

/// An amount at two places; one too large for 38 digits is recorded and written as NULL.
pub(super) fn money(env: &UdfEnv, a: &Args, r: usize, function: &'static str, d: f::Decimal) -> Option<i128> {
    let m = rescale(d, 2).map(|(m, _)| m);
    if m.is_none() {
        let e = ValueError::new(
            function,
            a.text(0, r).unwrap_or(""),
            ErrorKind::OutOfRange,
            "more than 36 digits of pounds",
            OriginalBehaviour::Aborted,
        );
        a.record(env, r, &e);
    }
    m
}
