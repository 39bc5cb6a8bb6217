use super::prelude::*;

pub struct CoerceDecimal;

/// Enough places for any CasRec amount or rate while leaving 28 digits before the point.
const SCALE: u32 = 10;

impl CasrecFunction for CoerceDecimal {
    const NAME: &'static str = "coerce_decimal";
    const PARAMS: Params = Params::Exact(&[text("value"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Decimal128(38, SCALE as i8);
    const DOC: &'static str = "The `Decimal` coercion, exact (the original went through a binary float): a \
        `Decimal128(38, 10)`. NULL, blank and whitespace-only give NULL; text that is not a number, or beyond 28 \
        digits before the point, gives NULL and is recorded; more than 10 decimals are rounded half away from zero \
        and recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.decimal_rows(&Self::RETURNS, |r| {
            let v = a.text(0, r);
            let d = a.or_record(env, r, f::coerce_decimal(v))?;
            let lost = |reason: &str| {
                ValueError::new(Self::NAME, v.unwrap_or(""), ErrorKind::OutOfRange, reason, OriginalBehaviour::Silent)
            };
            match rescale(d, SCALE) {
                Some((m, true)) => Some(m),
                Some((m, false)) => {
                    let written = f::Decimal::new(m, SCALE).map(|d| d.to_string());
                    a.record(env, r, &lost("more than 10 decimals: rounded").with_fallback(written));
                    Some(m)
                }
                None => {
                    a.record(env, r, &lost("more than 38 digits"));
                    None
                }
            }
        })
    }
}
