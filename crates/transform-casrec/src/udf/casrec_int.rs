use super::prelude::*;

pub struct CasrecInt;

impl CasrecFunction for CasrecInt {
    const NAME: &'static str = "casrec_int";
    const PARAMS: Params = Params::Exact(&[text("value"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Int32;
    const DOC: &'static str = "The `int` coercion for a Sirius `integer` column: `12`, `12.0`, ` 12 `, `1e3` are \
        integers; NULL, blank and whitespace-only give NULL. A fraction (`12.5`), text that is not a number, or a \
        number outside 32 bits gives NULL and is recorded (the original aborted the run).";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.int32_rows(|r| {
            let v = a.text(0, r);
            let narrowed = f::coerce_int(v).and_then(|n| {
                n.map(i32::try_from).transpose().map_err(|_| {
                    ValueError::new(
                        "coerce_int",
                        v.unwrap_or(""),
                        ErrorKind::OutOfRange,
                        "does not fit a Sirius integer column",
                        OriginalBehaviour::Aborted,
                    )
                })
            });
            a.or_record(env, r, narrowed)
        })
    }
}
