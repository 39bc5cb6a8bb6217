use super::prelude::*;

pub struct AddBusinessDays;

impl CasrecFunction for AddBusinessDays {
    const NAME: &'static str = "add_business_days";
    const PARAMS: Params = Params::Exact(&[date("date"), int("n")]);
    const RETURNS: DataType = DataType::Date32;
    const DOC: &'static str = "numpy's `busday_offset(date, n, roll='backward')` over working days (Monday to Friday \
        less England and Wales's bank holidays, the `bank_holidays` lookup): a day that is not a working day first \
        rolls back to the one before it, then `n` working days are added (subtracted when negative). The original \
        counted bank holidays as working days. Takes a date, not CasRec text (`casrec_date` first). NULL date or `n` \
        gives NULL, and so does a result beyond the calendar.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.date_rows(|r| f::add_business_days(a.date(0, r)?, a.int(1, r)?, &env.working_days))
    }
}
