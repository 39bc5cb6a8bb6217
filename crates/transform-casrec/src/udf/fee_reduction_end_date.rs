use super::prelude::*;

pub struct FeeReductionEndDate;

impl CasrecFunction for FeeReductionEndDate {
    const NAME: &'static str = "fee_reduction_end_date";
    const PARAMS: Params = Params::Exact(&[text("award_date"), ROW_ID, LABEL]);
    const RETURNS: DataType = TIMESTAMP;
    const DOC: &'static str = "The end of a fee remission or exemption from its `Award Date`, time of day kept: 31 \
        March stays, 1 April gives the 31 March before it, any other date the next 31 March on or after it. NULL, \
        blank and whitespace-only give NULL (the original aborted); a value that is not a date gives NULL and is \
        recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.timestamp_rows(|r| a.or_record(env, r, f::fee_reduction_end_date(a.text(0, r))))
    }
}
