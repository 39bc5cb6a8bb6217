use super::prelude::*;

pub struct WorkingDaysBefore;

impl CasrecFunction for WorkingDaysBefore {
    const NAME: &'static str = "working_days_before";
    const PARAMS: Params = Params::Exact(&[date("date"), int("n")]);
    const RETURNS: DataType = DataType::Date32;
    const DOC: &'static str = "The day `n` working days before `date` (Monday to Friday less England and Wales's bank \
        holidays), a day that is not a working day first moving on to the next one: numpy's \
        `busday_offset(date, -n, roll='forward')`, which the original used for the report status thresholds \
        (fifteen and seventy-one working days before today, here the as-of date). NULL date or `n` gives NULL.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.date_rows(|r| f::working_days_before(a.date(0, r)?, a.int(1, r)?, &env.working_days))
    }
}
