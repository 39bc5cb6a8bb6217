use super::prelude::*;

pub struct DueDateForCase;

impl CasrecFunction for DueDateForCase {
    const NAME: &'static str = "due_date_for_case";
    const PARAMS: Params = Params::Exact(&[text("end_date"), boolean("has_active_pa_pro_deputy"), ROW_ID, LABEL]);
    const RETURNS: DataType = DataType::Date32;
    const DOC: &'static str = "The original's `DueDateCalculator` (annual_report_logs `duedate`): for a case with an \
        active PA/PRO deputy (`is_active_pa_pro_deputy`), the CasRec end date plus 40 working days, an end date that \
        is not a working day first rolled back to the one before it; for any other case plus 21 days, moved on to the \
        next working day when it is not one. Working days are Monday to Friday less England and Wales's bank holidays \
        (the `bank_holidays` lookup; the original counted them as working days). A \
        NULL flag counts as false. NULL, blank and whitespace-only dates give NULL; a value that is not a date \
        gives NULL and is recorded.";

    fn invoke(env: &UdfEnv, a: &Args) -> DfResult<ColumnarValue> {
        a.date_rows(|r| {
            a.or_record(env, r, f::due_date_for_case(a.text(0, r), a.boolean(1, r).unwrap_or(false), &env.working_days))
        })
    }
}
