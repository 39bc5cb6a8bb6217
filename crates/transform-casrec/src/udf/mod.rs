//! The standard transformations as DataFusion UDFs, over the functions in [`crate::functions`].
//!
//! Laid out as datafusion-functions lays out its own: one file per SQL function, each a
//! [`CasrecFunction`] (name, parameters, return type, the paragraph the mapping document shows,
//! and its invoke), and one list, [`functions`], that both [`register`] and [`docs`] read. Adding
//! a function is a new file here plus its line in `function_list!`; the tests check the file,
//! the name and the documentation agree.
//!
//! Conventions every function follows:
//!
//! * Functions that can fail on a value take two extra arguments, `casrec_row_id` and a label
//!   (the CasRec column, as a string literal): the row then goes on with the function's
//!   documented fallback and the failure is recorded, to be written to `transform.exceptions`.
//! * Text results follow the writer's rule: `''` is returned as NULL.
//! * Amounts are exact `Decimal128`, dates `Date32`, timestamps `Timestamp(Microsecond)` without a
//!   zone; never floats.
//! * "Today" is the run's as-of date: `as_of_date()`, and `current_date()` is replaced by it, so
//!   no mapping can read the wall clock.
//! * Argument types are checked when the query is planned: a date parameter refuses text (parse
//!   CasRec text with `casrec_date` first), a wrong argument count names the expected call.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::sync::{Arc, Mutex};

use arrow::array::{
    Array, ArrayRef, BooleanArray, BooleanBuilder, Date32Array, Date32Builder, Decimal128Builder, Int32Builder,
    Int64Array, Int64Builder, StringArray, StringBuilder, Time64MicrosecondBuilder, TimestampMicrosecondArray,
    TimestampMicrosecondBuilder,
};
use arrow::datatypes::{DataType, TimeUnit};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use datafusion::common::{exec_err, plan_err};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{
    ColumnarValue, DocSection, Documentation, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility,
};
use datafusion::prelude::SessionContext;

use crate::functions::{Decimal, TransformError as ValueError};
use crate::lookups::Lookups;

#[cfg(test)]
mod tests;

/// Declares each function's file as a module and lists it in [`functions`]: adding a function
/// is its file plus one line here. (rustfmt does not see modules declared in a macro, so
/// `scripts/test.sh` checks these files' formatting by name.)
macro_rules! function_list {
    ($($file:ident :: $ty:ident),* $(,)?) => {
        $(mod $file;)*

        /// Every SQL function of the transform, in the order the mapping document lists them.
        pub fn functions(env: &Arc<UdfEnv>) -> Vec<ScalarUDF> {
            vec![$(udf::<$file::$ty>(env)),*]
        }
    };
}

function_list! {
    // Names and text.
    first_word::FirstWord,
    last_words::LastWords,
    capitalise_first_letter::CapitaliseFirstLetter,
    capitalise::Capitalise,
    first_two_chars::FirstTwoChars,
    first_chars::FirstChars,
    credit_type_from_invoice_ref::CreditTypeFromInvoiceRef,
    squash_columns::SquashColumns,
    is_at_least_one_set::IsAtLeastOneSet,
    coalesce_nonblank::CoalesceNonblank,
    get_max_col::GetMaxCol,
    convert_to_bool::ConvertToBool,
    // Datatype coercion of CasRec text.
    casrec_date::CasrecDate,
    casrec_timestamp::CasrecTimestamp,
    casrec_time::CasrecTime,
    date_format_standard::DateFormatStandard,
    casrec_int::CasrecInt,
    coerce_int::CoerceInt,
    coerce_bool::CoerceBool,
    coerce_decimal::CoerceDecimal,
    // Money.
    money_pound_pence::MoneyPoundPence,
    multiply_by_100::MultiplyBy100,
    absolute_value::AbsoluteValue,
    // Dates.
    as_of_date::AsOfDate,
    add_one_year::AddOneYear,
    start_of_tax_year::StartOfTaxYear,
    end_of_tax_year::EndOfTaxYear,
    fee_reduction_end_date::FeeReductionEndDate,
    calculate_duedate::CalculateDuedate,
    calculate_startdate::CalculateStartdate,
    due_date_for_case::DueDateForCase,
    add_business_days::AddBusinessDays,
    working_days_before::WorkingDaysBefore,
    convert_to_timestamp::ConvertToTimestamp,
    london_local_to_utc::LondonLocalToUtc,
    format_date::FormatDate,
    format_datetime::FormatDatetime,
    // Deputies.
    is_pa_pro_deputy_type::IsPaProDeputyType,
    is_active_pa_pro_deputy::IsActivePaProDeputy,
    deputy_subtype::DeputySubtype,
    deputy_organisation_name::DeputyOrganisationName,
    // Lookups.
    lookup::Lookup,
    lookup_partial::LookupPartial,
    conditional_lookup::ConditionalLookup,
    held_by_sirius::HeldBySirius,
    required::Required,
    // Deterministic ids.
    uuid_from::UuidFrom,
    unique_number::UniqueNumber,
}

/// Registers every UDF in a session. `current_date` is replaced by the as-of date.
pub fn register(ctx: &SessionContext, env: &Arc<UdfEnv>) {
    for f in functions(env) {
        ctx.register_udf(f);
    }
}

/// A function as the mapping document shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UdfDoc {
    pub name: String,
    pub aliases: Vec<String>,
    /// The call with its parameters, e.g. `casrec_date(value, casrec_row_id, label)`.
    pub syntax: String,
    pub description: String,
}

/// The documentation of every function in [`functions`], in its order.
pub fn docs() -> Vec<UdfDoc> {
    // The documentation does not depend on the lookups or the date; any environment will do.
    let env = UdfEnv::new(Lookups::default(), NaiveDate::MIN);
    functions(&env)
        .iter()
        .map(|f| {
            let doc = f.documentation();
            UdfDoc {
                name: f.name().to_string(),
                aliases: f.aliases().to_vec(),
                syntax: doc.map(|d| d.syntax_example.clone()).unwrap_or_default(),
                description: doc.map(|d| d.description.clone()).unwrap_or_default(),
            }
        })
        .collect()
}

/// A value a function could not transform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueException {
    pub casrec_row_id: i64,
    pub column: String,
    pub value: String,
    pub reason: String,
}

/// What the UDFs of one target share: lookups, the as-of date and the exceptions found.
#[derive(Debug)]
pub struct UdfEnv {
    pub lookups: Lookups,
    pub as_of: NaiveDate,
    /// Working days: Monday to Friday less the `bank_holidays` lookup's dates.
    pub working_days: crate::functions::WorkingDays,
    pub exceptions: Mutex<Vec<ValueException>>,
}

impl UdfEnv {
    pub fn new(lookups: Lookups, as_of: NaiveDate) -> Arc<UdfEnv> {
        // The lookup's codes are ISO dates; its unit test checks each parses.
        let holidays = lookups
            .tables
            .get("bank_holidays")
            .map(|(_, pairs)| pairs.iter().filter_map(|(day, _)| day.parse::<NaiveDate>().ok()).collect::<Vec<_>>())
            .unwrap_or_default();
        let working_days = crate::functions::WorkingDays::with_holidays(holidays);
        Arc::new(UdfEnv { lookups, as_of, working_days, exceptions: Mutex::new(Vec::new()) })
    }

    fn record(&self, row: Option<i64>, label: &str, e: &ValueError) {
        let reason = match &e.fallback {
            Some(fb) => format!("{}: {} (written as {fb:?})", e.function, e.reason),
            None => format!("{}: {} (written as NULL)", e.function, e.reason),
        };
        self.exceptions.lock().expect("exceptions lock").push(ValueException {
            casrec_row_id: row.unwrap_or(-1),
            column: label.to_string(),
            value: e.value.clone(),
            reason,
        });
    }

    /// The exceptions recorded so far, each (row, column) once.
    pub fn take_exceptions(&self) -> Vec<ValueException> {
        let mut v = std::mem::take(&mut *self.exceptions.lock().expect("exceptions lock"));
        v.sort_by(|a, b| (a.casrec_row_id, &a.column).cmp(&(b.casrec_row_id, &b.column)));
        v.dedup_by(|a, b| a.casrec_row_id == b.casrec_row_id && a.column == b.column);
        v
    }
}

/// What a parameter holds; each is cast to one Arrow type before the function sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Any value, as `Utf8` (CasRec cells are text; dates and numbers are read as their text).
    Text,
    /// An integer, as `Int64`.
    Int,
    Bool,
    /// A date or timestamp, as `Date32`. Text is refused: which text is a date is a CasRec rule.
    Date,
    /// A date or timestamp, as `Timestamp(Microsecond)`. Text is refused as for `Date`.
    Timestamp,
}

impl Kind {
    fn arrow(self) -> DataType {
        match self {
            Kind::Text => DataType::Utf8,
            Kind::Int => DataType::Int64,
            Kind::Bool => DataType::Boolean,
            Kind::Date => DataType::Date32,
            Kind::Timestamp => DataType::Timestamp(TimeUnit::Microsecond, None),
        }
    }

    fn accepts(self, t: &DataType) -> bool {
        let temporal = matches!(t, DataType::Date32 | DataType::Date64 | DataType::Timestamp(_, None));
        t.is_null()
            || match self {
                Kind::Text => !t.is_nested(),
                Kind::Int => t.is_integer() || matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View),
                Kind::Bool => *t == DataType::Boolean,
                Kind::Date | Kind::Timestamp => temporal,
            }
    }
}

/// One parameter: its name (for the documentation and errors) and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    pub name: &'static str,
    pub kind: Kind,
}

pub const fn text(name: &'static str) -> Param {
    Param { name, kind: Kind::Text }
}

pub const fn int(name: &'static str) -> Param {
    Param { name, kind: Kind::Int }
}

pub const fn boolean(name: &'static str) -> Param {
    Param { name, kind: Kind::Bool }
}

pub const fn date(name: &'static str) -> Param {
    Param { name, kind: Kind::Date }
}

pub const fn timestamp(name: &'static str) -> Param {
    Param { name, kind: Kind::Timestamp }
}

/// The two trailing parameters of a function that can fail on a value.
pub const ROW_ID: Param = int("casrec_row_id");
pub const LABEL: Param = text("label");

#[derive(Debug, Clone, Copy)]
pub enum Params {
    /// Exactly these parameters, in order.
    Exact(&'static [Param]),
    /// One or more of the same parameter.
    Variadic(Param),
}

impl Params {
    fn kind_at(&self, i: usize) -> Kind {
        match self {
            Params::Exact(ps) => ps.get(i).map_or(Kind::Text, |p| p.kind),
            Params::Variadic(p) => p.kind,
        }
    }

    fn syntax(&self, name: &str) -> String {
        match self {
            Params::Exact(ps) => format!("{name}({})", ps.iter().map(|p| p.name).collect::<Vec<_>>().join(", ")),
            Params::Variadic(p) => format!("{name}({0}, ...)", p.name),
        }
    }
}

/// One SQL function; [`Udf`] makes it a DataFusion `ScalarUDFImpl`.
pub trait CasrecFunction: Send + Sync + 'static {
    /// The SQL name, also the name of the function's file.
    const NAME: &'static str;
    /// Other names the function answers to.
    const ALIASES: &'static [&'static str] = &[];
    const PARAMS: Params;
    const RETURNS: DataType;
    /// One paragraph for the mapping document: what the result is, what NULL, blank and bad values
    /// give, and where it differs from the original.
    const DOC: &'static str;

    fn invoke(env: &UdfEnv, args: &Args) -> DfResult<ColumnarValue>;
}

fn udf<F: CasrecFunction>(env: &Arc<UdfEnv>) -> ScalarUDF {
    ScalarUDF::new_from_impl(Udf::<F>::new(env))
}

/// The `ScalarUDFImpl` of a [`CasrecFunction`] in one session's environment.
pub struct Udf<F> {
    signature: Signature,
    aliases: Vec<String>,
    doc: Documentation,
    env: Arc<UdfEnv>,
    function: PhantomData<fn() -> F>,
}

const DOC_SECTION: DocSection = DocSection {
    include: true,
    label: "CasRec transformations",
    description: Some("The standard transformations of the CasRec migration"),
};

impl<F: CasrecFunction> Udf<F> {
    fn new(env: &Arc<UdfEnv>) -> Udf<F> {
        let signature = match F::PARAMS {
            Params::Exact([]) => Signature::nullary(Volatility::Immutable),
            _ => Signature::user_defined(Volatility::Immutable),
        };
        let mut doc = Documentation::builder(DOC_SECTION, F::DOC, F::PARAMS.syntax(F::NAME));
        if let Params::Exact(ps) = F::PARAMS {
            for p in ps {
                doc = doc.with_argument(p.name, format!("{:?}", p.kind));
            }
        }
        Udf {
            signature,
            aliases: F::ALIASES.iter().map(|a| a.to_string()).collect(),
            doc: doc.build(),
            env: env.clone(),
            function: PhantomData,
        }
    }
}

impl<F: CasrecFunction> fmt::Debug for Udf<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Udf").field("name", &F::NAME).finish_non_exhaustive()
    }
}

// Two instances are the same function only in the same environment: the exceptions they record
// and the date they read belong to it.
impl<F> PartialEq for Udf<F> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.env, &other.env)
    }
}
impl<F> Eq for Udf<F> {}
impl<F: CasrecFunction> Hash for Udf<F> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        F::NAME.hash(state);
        Arc::as_ptr(&self.env).hash(state);
    }
}

impl<F: CasrecFunction> ScalarUDFImpl for Udf<F> {
    fn name(&self) -> &str {
        F::NAME
    }

    fn aliases(&self) -> &[String] {
        &self.aliases
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> DfResult<DataType> {
        Ok(F::RETURNS)
    }

    fn coerce_types(&self, arg_types: &[DataType]) -> DfResult<Vec<DataType>> {
        let expected = match F::PARAMS {
            Params::Exact(ps) => ps.len() == arg_types.len(),
            Params::Variadic(_) => !arg_types.is_empty(),
        };
        if !expected {
            return plan_err!("{} takes {}, got {} arguments", F::NAME, F::PARAMS.syntax(F::NAME), arg_types.len());
        }
        arg_types
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let kind = F::PARAMS.kind_at(i);
                if kind.accepts(t) {
                    Ok(kind.arrow())
                } else {
                    plan_err!(
                        "{}: argument {} is {t}, expected {kind:?} ({})",
                        F::NAME,
                        i + 1,
                        F::PARAMS.syntax(F::NAME)
                    )
                }
            })
            .collect()
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> DfResult<ColumnarValue> {
        let a = Args::new(F::PARAMS, &args.args, args.number_rows)?;
        F::invoke(&self.env, &a)
    }

    fn documentation(&self) -> Option<&Documentation> {
        Some(&self.doc)
    }
}

enum Column {
    Text(StringArray),
    Int(Int64Array),
    Bool(BooleanArray),
    Date(Date32Array),
    Timestamp(TimestampMicrosecondArray),
}

/// A function's arguments, each cast to its parameter's type, read row by row.
pub struct Args {
    columns: Vec<Column>,
    rows: usize,
}

fn downcast<T: Clone + 'static>(a: &ArrayRef) -> DfResult<T> {
    match a.as_any().downcast_ref::<T>() {
        Some(v) => Ok(v.clone()),
        None => exec_err!("argument of type {} after the cast", a.data_type()),
    }
}

impl Args {
    fn new(params: Params, args: &[ColumnarValue], rows: usize) -> DfResult<Args> {
        let mut columns = Vec::with_capacity(args.len());
        for (i, a) in args.iter().enumerate() {
            let kind = params.kind_at(i);
            let arr = arrow::compute::cast(&a.clone().into_array(rows)?, &kind.arrow())?;
            columns.push(match kind {
                Kind::Text => Column::Text(downcast(&arr)?),
                Kind::Int => Column::Int(downcast(&arr)?),
                Kind::Bool => Column::Bool(downcast(&arr)?),
                Kind::Date => Column::Date(downcast(&arr)?),
                Kind::Timestamp => Column::Timestamp(downcast(&arr)?),
            });
        }
        Ok(Args { columns, rows })
    }

    pub fn len(&self) -> usize {
        self.columns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    pub fn text(&self, i: usize, row: usize) -> Option<&str> {
        match self.columns.get(i)? {
            Column::Text(a) => a.is_valid(row).then(|| a.value(row)),
            _ => None,
        }
    }

    /// Every argument of the row as text (the variadic functions).
    pub fn texts(&self, row: usize) -> Vec<Option<&str>> {
        (0..self.len()).map(|i| self.text(i, row)).collect()
    }

    pub fn int(&self, i: usize, row: usize) -> Option<i64> {
        match self.columns.get(i)? {
            Column::Int(a) => a.is_valid(row).then(|| a.value(row)),
            _ => None,
        }
    }

    pub fn boolean(&self, i: usize, row: usize) -> Option<bool> {
        match self.columns.get(i)? {
            Column::Bool(a) => a.is_valid(row).then(|| a.value(row)),
            _ => None,
        }
    }

    pub fn date(&self, i: usize, row: usize) -> Option<NaiveDate> {
        match self.columns.get(i)? {
            Column::Date(a) => a.is_valid(row).then(|| from_date32(a.value(row))).flatten(),
            _ => None,
        }
    }

    pub fn timestamp(&self, i: usize, row: usize) -> Option<NaiveDateTime> {
        match self.columns.get(i)? {
            Column::Timestamp(a) => a.is_valid(row).then(|| from_micros(a.value(row))).flatten(),
            _ => None,
        }
    }

    /// Records a failure of this row against the last two arguments, `casrec_row_id` and label.
    pub fn record(&self, env: &UdfEnv, row: usize, e: &ValueError) {
        let n = self.len();
        let label = n.checked_sub(1).and_then(|i| self.text(i, row)).unwrap_or("");
        env.record(n.checked_sub(2).and_then(|i| self.int(i, row)), label, e);
    }

    /// The value, or the fallback NULL with the failure recorded.
    pub fn or_record<T>(&self, env: &UdfEnv, row: usize, result: Result<Option<T>, ValueError>) -> Option<T> {
        result.unwrap_or_else(|e| {
            self.record(env, row, &e);
            None
        })
    }

    pub fn text_rows<S: AsRef<str>>(&self, mut f: impl FnMut(usize) -> Option<S>) -> DfResult<ColumnarValue> {
        self.try_text_rows(|r| Ok(f(r)))
    }

    /// As [`Args::text_rows`], for functions that can fail for the whole query (a lookup that
    /// does not exist is a mapping error, not a value's).
    pub fn try_text_rows<S: AsRef<str>>(
        &self,
        mut f: impl FnMut(usize) -> DfResult<Option<S>>,
    ) -> DfResult<ColumnarValue> {
        let mut b = StringBuilder::new();
        for r in 0..self.rows {
            b.append_option(f(r)?.as_ref().map(AsRef::as_ref).filter(|s| !s.is_empty()));
        }
        Ok(array(b.finish()))
    }

    pub fn bool_rows(&self, mut f: impl FnMut(usize) -> Option<bool>) -> DfResult<ColumnarValue> {
        let mut b = BooleanBuilder::with_capacity(self.rows);
        (0..self.rows).for_each(|r| b.append_option(f(r)));
        Ok(array(b.finish()))
    }

    pub fn int32_rows(&self, mut f: impl FnMut(usize) -> Option<i32>) -> DfResult<ColumnarValue> {
        let mut b = Int32Builder::with_capacity(self.rows);
        (0..self.rows).for_each(|r| b.append_option(f(r)));
        Ok(array(b.finish()))
    }

    pub fn int64_rows(&self, mut f: impl FnMut(usize) -> Option<i64>) -> DfResult<ColumnarValue> {
        let mut b = Int64Builder::with_capacity(self.rows);
        (0..self.rows).for_each(|r| b.append_option(f(r)));
        Ok(array(b.finish()))
    }

    pub fn date_rows(&self, mut f: impl FnMut(usize) -> Option<NaiveDate>) -> DfResult<ColumnarValue> {
        let mut b = Date32Builder::with_capacity(self.rows);
        (0..self.rows).for_each(|r| b.append_option(f(r).map(date32)));
        Ok(array(b.finish()))
    }

    pub fn timestamp_rows(&self, mut f: impl FnMut(usize) -> Option<NaiveDateTime>) -> DfResult<ColumnarValue> {
        let mut b = TimestampMicrosecondBuilder::with_capacity(self.rows);
        (0..self.rows).for_each(|r| b.append_option(f(r).map(micros)));
        Ok(array(b.finish()))
    }

    /// Times of day as `Time64(Microsecond)`: microseconds since midnight.
    pub fn time_rows(&self, mut f: impl FnMut(usize) -> Option<NaiveTime>) -> DfResult<ColumnarValue> {
        let mut b = Time64MicrosecondBuilder::with_capacity(self.rows);
        (0..self.rows).for_each(|r| {
            b.append_option(
                f(r).map(|t| i64::from(t.num_seconds_from_midnight()) * 1_000_000 + i64::from(t.nanosecond() / 1000)),
            )
        });
        Ok(array(b.finish()))
    }

    /// Decimals of the return type's precision and scale, from mantissas already at that scale.
    pub fn decimal_rows(&self, ty: &DataType, mut f: impl FnMut(usize) -> Option<i128>) -> DfResult<ColumnarValue> {
        let DataType::Decimal128(precision, scale) = *ty else {
            return exec_err!("decimal_rows: {ty} is not a Decimal128");
        };
        let mut b = Decimal128Builder::with_capacity(self.rows);
        (0..self.rows).for_each(|r| b.append_option(f(r)));
        Ok(array(b.finish().with_precision_and_scale(precision, scale)?))
    }
}

fn array(a: impl Array + 'static) -> ColumnarValue {
    ColumnarValue::Array(Arc::new(a) as ArrayRef)
}

const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("the epoch is a date");

pub fn date32(d: NaiveDate) -> i32 {
    (d - EPOCH).num_days() as i32
}

pub fn from_date32(days: i32) -> Option<NaiveDate> {
    EPOCH.checked_add_signed(chrono::TimeDelta::days(days.into()))
}

pub fn micros(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp_micros()
}

pub fn from_micros(us: i64) -> Option<NaiveDateTime> {
    DateTime::from_timestamp_micros(us).map(|t| t.naive_utc())
}

/// Largest mantissa of a `Decimal128(38, _)`.
const MAX_DECIMAL128: i128 = 10i128.pow(38) - 1;

/// `d` as a mantissa at `scale`, rounded half away from zero as PostgreSQL rounds a `numeric` to
/// its column's scale; with `true` when no digit was lost. `None` when it exceeds 38 digits.
pub fn rescale(d: Decimal, scale: u32) -> Option<(i128, bool)> {
    let (m, from) = (d.mantissa(), d.scale());
    let (v, exact) = if from <= scale {
        (m.checked_mul(10i128.checked_pow(scale - from)?)?, true)
    } else {
        let div = 10i128.checked_pow(from - scale)?;
        let (q, r) = (m / div, (m % div).abs());
        let rounded = if r >= div - r { q + m.signum() } else { q };
        (rounded, r == 0)
    };
    (v.abs() <= MAX_DECIMAL128).then_some((v, exact))
}

/// What each function file needs.
mod prelude {
    pub(super) use super::{
        boolean, date, int, rescale, text, timestamp, Args, CasrecFunction, Params, UdfEnv, LABEL, ROW_ID,
    };
    pub(super) use crate::functions as f;
    pub(super) use crate::functions::{ErrorKind, OriginalBehaviour, TransformError as ValueError};
    pub(super) use arrow::datatypes::{DataType, TimeUnit};
    pub(super) use datafusion::common::exec_err;
    pub(super) use datafusion::error::Result as DfResult;
    pub(super) use datafusion::logical_expr::ColumnarValue;

    /// The return type of every timestamp function.
    pub(super) const TIMESTAMP: DataType = DataType::Timestamp(TimeUnit::Microsecond, None);
}
