//! The standard transformations as DataFusion UDFs, over the functions in [`crate::functions`].
//!
//! Functions that can fail on a value take two extra arguments, `casrec_row_id` and a label
//! (the CasRec column, as a string literal): the row then goes on with the function's
//! documented fallback and the failure is recorded, to be written to `transform.exceptions`.
//! "Today" is the run's as-of date: `as_of_date()`, and `current_date()` is replaced by it, so
//! no mapping can read the wall clock.

use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use arrow::array::{
    Array, ArrayRef, BooleanBuilder, Date32Builder, Int32Builder, Int64Array, StringArray, StringBuilder,
    TimestampMicrosecondBuilder,
};
use arrow::datatypes::{DataType, TimeUnit};
use chrono::{NaiveDate, NaiveDateTime};
use datafusion::common::{exec_err, ScalarValue};
use datafusion::error::Result as DfResult;
use datafusion::logical_expr::{ColumnarValue, ScalarFunctionArgs, ScalarUDF, ScalarUDFImpl, Signature, Volatility};
use datafusion::prelude::SessionContext;

use crate::functions::{self as f, DeputyNames, TransformError as ValueError};
use crate::lookups::Lookups;

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
    pub exceptions: Mutex<Vec<ValueException>>,
}

impl UdfEnv {
    pub fn new(lookups: Lookups, as_of: NaiveDate) -> Arc<UdfEnv> {
        Arc::new(UdfEnv { lookups, as_of, exceptions: Mutex::new(Vec::new()) })
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    FirstWord,
    LastWords,
    CapitaliseFirstLetter,
    ConvertToBool,
    SquashColumns,
    IsAtLeastOneSet,
    CasrecDate,
    CasrecTimestamp,
    CasrecInt,
    Lookup,
    LookupPartial,
    ConditionalLookup,
    DeputySubtype,
    DeputyOrganisationName,
    AsOfDate,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::FirstWord => "first_word",
            Kind::LastWords => "last_words",
            Kind::CapitaliseFirstLetter => "capitalise_first_letter",
            Kind::ConvertToBool => "convert_to_bool",
            Kind::SquashColumns => "squash_columns",
            Kind::IsAtLeastOneSet => "is_at_least_one_set",
            Kind::CasrecDate => "casrec_date",
            Kind::CasrecTimestamp => "casrec_timestamp",
            Kind::CasrecInt => "casrec_int",
            Kind::Lookup => "lookup",
            Kind::LookupPartial => "lookup_partial",
            Kind::ConditionalLookup => "conditional_lookup",
            Kind::DeputySubtype => "deputy_subtype",
            Kind::DeputyOrganisationName => "deputy_organisation_name",
            Kind::AsOfDate => "as_of_date",
        }
    }

    fn return_type(self) -> DataType {
        match self {
            Kind::ConvertToBool | Kind::IsAtLeastOneSet => DataType::Boolean,
            Kind::CasrecDate | Kind::AsOfDate => DataType::Date32,
            Kind::CasrecTimestamp => DataType::Timestamp(TimeUnit::Microsecond, None),
            Kind::CasrecInt => DataType::Int32,
            _ => DataType::Utf8,
        }
    }

    /// Number of arguments, None for variadic.
    fn arity(self) -> Option<usize> {
        match self {
            Kind::FirstWord | Kind::LastWords | Kind::CapitaliseFirstLetter | Kind::ConvertToBool => Some(1),
            Kind::SquashColumns | Kind::IsAtLeastOneSet => None,
            Kind::CasrecDate | Kind::CasrecTimestamp | Kind::CasrecInt => Some(3),
            Kind::Lookup => Some(5),
            Kind::LookupPartial => Some(2),
            Kind::ConditionalLookup => Some(4),
            Kind::DeputySubtype | Kind::DeputyOrganisationName => Some(4),
            Kind::AsOfDate => Some(0),
        }
    }
}

#[derive(Debug)]
struct CasrecUdf {
    kind: Kind,
    name: String,
    signature: Signature,
    env: Arc<UdfEnv>,
}

impl PartialEq for CasrecUdf {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && Arc::ptr_eq(&self.env, &other.env)
    }
}
impl Eq for CasrecUdf {}
impl Hash for CasrecUdf {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

/// Arguments as text columns (row ids as integers), whatever string type the plan chose.
struct Args {
    text: Vec<Option<StringArray>>,
    ints: Vec<Option<Int64Array>>,
    rows: usize,
}

impl Args {
    fn new(args: &[ColumnarValue], rows: usize) -> DfResult<Args> {
        let mut text = Vec::with_capacity(args.len());
        let mut ints = Vec::with_capacity(args.len());
        for a in args {
            let arr = a.clone().into_array(rows)?;
            if arr.data_type().is_integer() {
                let i = arrow::compute::cast(&arr, &DataType::Int64)?;
                ints.push(Some(i.as_any().downcast_ref::<Int64Array>().expect("cast to int64").clone()));
                text.push(None);
            } else {
                let s = arrow::compute::cast(&arr, &DataType::Utf8)?;
                text.push(Some(s.as_any().downcast_ref::<StringArray>().expect("cast to utf8").clone()));
                ints.push(None);
            }
        }
        Ok(Args { text, ints, rows })
    }

    fn s(&self, i: usize, row: usize) -> Option<&str> {
        let a = self.text.get(i)?.as_ref()?;
        a.is_valid(row).then(|| a.value(row))
    }

    fn row_id(&self, i: usize, row: usize) -> Option<i64> {
        if let Some(Some(a)) = self.ints.get(i) {
            return a.is_valid(row).then(|| a.value(row));
        }
        self.s(i, row).and_then(|s| s.parse().ok())
    }
}

fn date32(d: NaiveDate) -> i32 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")).num_days() as i32
}

fn micros(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp_micros()
}

impl ScalarUDFImpl for CasrecUdf {
    fn name(&self) -> &str {
        &self.name
    }

    fn signature(&self) -> &Signature {
        &self.signature
    }

    fn return_type(&self, _arg_types: &[DataType]) -> DfResult<DataType> {
        Ok(self.kind.return_type())
    }

    fn invoke_with_args(&self, args: ScalarFunctionArgs) -> DfResult<ColumnarValue> {
        if let Some(n) = self.kind.arity() {
            if args.args.len() != n {
                return exec_err!("{} takes {n} arguments, got {}", self.name, args.args.len());
            }
        }
        if self.kind == Kind::AsOfDate {
            return Ok(ColumnarValue::Scalar(ScalarValue::Date32(Some(date32(f::current_date(self.env.as_of))))));
        }
        let a = Args::new(&args.args, args.number_rows)?;
        let env = &self.env;
        let out: ArrayRef = match self.kind {
            Kind::FirstWord | Kind::LastWords | Kind::CapitaliseFirstLetter => {
                let mut b = StringBuilder::new();
                for r in 0..a.rows {
                    let v = a.s(0, r);
                    let res = match self.kind {
                        Kind::FirstWord => f::first_word(v),
                        Kind::LastWords => f::last_words(v),
                        _ => f::capitalise_first_letter(v),
                    };
                    b.append_option(res.filter(|s| !s.is_empty()));
                }
                Arc::new(b.finish())
            }
            Kind::ConvertToBool => {
                let mut b = BooleanBuilder::new();
                for r in 0..a.rows {
                    b.append_value(f::convert_to_bool(a.s(0, r)));
                }
                Arc::new(b.finish())
            }
            Kind::SquashColumns | Kind::IsAtLeastOneSet => {
                let n = args.args.len();
                if self.kind == Kind::SquashColumns {
                    let mut b = StringBuilder::new();
                    for r in 0..a.rows {
                        let vals: Vec<Option<&str>> = (0..n).map(|i| a.s(i, r)).collect();
                        b.append_value(f::squash_columns(&vals));
                    }
                    Arc::new(b.finish())
                } else {
                    let mut b = BooleanBuilder::new();
                    for r in 0..a.rows {
                        let vals: Vec<Option<&str>> = (0..n).map(|i| a.s(i, r)).collect();
                        b.append_value(f::is_at_least_one_set(&vals));
                    }
                    Arc::new(b.finish())
                }
            }
            Kind::CasrecDate => {
                let mut b = Date32Builder::new();
                for r in 0..a.rows {
                    match f::parse_casrec_date(a.s(0, r)) {
                        Ok(v) => b.append_option(v.map(date32)),
                        Err(e) => {
                            env.record(a.row_id(1, r), a.s(2, r).unwrap_or(""), &e);
                            b.append_null();
                        }
                    }
                }
                Arc::new(b.finish())
            }
            Kind::CasrecTimestamp => {
                let mut b = TimestampMicrosecondBuilder::new();
                for r in 0..a.rows {
                    match f::parse_casrec_datetime(a.s(0, r)) {
                        Ok(v) => b.append_option(v.map(|t| micros(f::round_to_second(t)))),
                        Err(e) => {
                            env.record(a.row_id(1, r), a.s(2, r).unwrap_or(""), &e);
                            b.append_null();
                        }
                    }
                }
                Arc::new(b.finish())
            }
            Kind::CasrecInt => {
                let mut b = Int32Builder::new();
                for r in 0..a.rows {
                    let res = f::coerce_int(a.s(0, r)).and_then(|v| match v {
                        Some(n) if i32::try_from(n).is_err() => Err(ValueError::new(
                            "coerce_int",
                            a.s(0, r).unwrap_or(""),
                            f::ErrorKind::OutOfRange,
                            "does not fit a Sirius integer column",
                            f::OriginalBehaviour::Aborted,
                        )),
                        other => Ok(other.map(|n| n as i32)),
                    });
                    match res {
                        Ok(v) => b.append_option(v),
                        Err(e) => {
                            env.record(a.row_id(1, r), a.s(2, r).unwrap_or(""), &e);
                            b.append_null();
                        }
                    }
                }
                Arc::new(b.finish())
            }
            Kind::Lookup => {
                let mut b = StringBuilder::new();
                for r in 0..a.rows {
                    let Some(name) = a.s(0, r) else { return exec_err!("lookup: the lookup name is NULL") };
                    let Some(table) = env.lookups.get(name) else {
                        return exec_err!("lookup: no lookup named {name:?} in mappings/lookups");
                    };
                    match f::lookup(table, a.s(1, r), a.s(2, r)) {
                        Ok(v) => b.append_option(v),
                        Err(e) => {
                            env.record(a.row_id(3, r), a.s(4, r).unwrap_or(""), &e);
                            b.append_option(e.fallback.clone());
                        }
                    }
                }
                Arc::new(b.finish())
            }
            Kind::LookupPartial => {
                // A lookup that lists only some codes on purpose (e.g. the status overrides):
                // any other code means "none", so it is not an exception.
                let mut b = StringBuilder::new();
                for r in 0..a.rows {
                    let Some(name) = a.s(0, r) else { return exec_err!("lookup_partial: the lookup name is NULL") };
                    let Some(table) = env.lookups.get(name) else {
                        return exec_err!("lookup_partial: no lookup named {name:?} in mappings/lookups");
                    };
                    b.append_option(a.s(1, r).and_then(|code| table.get(code)).filter(|v| !v.is_empty()));
                }
                Arc::new(b.finish())
            }
            Kind::ConditionalLookup => {
                let mut b = StringBuilder::new();
                for r in 0..a.rows {
                    let Some(name) = a.s(0, r) else { return exec_err!("conditional_lookup: the lookup name is NULL") };
                    let Some(table) = env.lookups.get(name) else {
                        return exec_err!("conditional_lookup: no lookup named {name:?} in mappings/lookups");
                    };
                    let data_column = a.s(2, r).unwrap_or("");
                    let value = f::conditional_lookup(table, data_column, a.s(1, r), a.s(3, r));
                    b.append_option(value.filter(|s| !s.is_empty()));
                }
                Arc::new(b.finish())
            }
            Kind::DeputySubtype | Kind::DeputyOrganisationName => {
                let mut b = StringBuilder::new();
                for r in 0..a.rows {
                    let names = DeputyNames {
                        deputytype: a.s(0, r),
                        firstname: a.s(1, r),
                        othernames: a.s(2, r),
                        surname: a.s(3, r),
                        salutation: None,
                    };
                    let m = f::map_deputy_subtype(&names);
                    let v =
                        if self.kind == Kind::DeputySubtype { m.deputysubtype } else { m.organisationname.as_deref() };
                    b.append_option(v);
                }
                Arc::new(b.finish())
            }
            Kind::AsOfDate => unreachable!("handled above"),
        };
        Ok(ColumnarValue::Array(out))
    }
}

/// Registers every UDF in a session. `current_date` is replaced by the as-of date.
pub fn register(ctx: &SessionContext, env: &Arc<UdfEnv>) {
    let kinds = [
        Kind::FirstWord,
        Kind::LastWords,
        Kind::CapitaliseFirstLetter,
        Kind::ConvertToBool,
        Kind::SquashColumns,
        Kind::IsAtLeastOneSet,
        Kind::CasrecDate,
        Kind::CasrecTimestamp,
        Kind::CasrecInt,
        Kind::Lookup,
        Kind::LookupPartial,
        Kind::ConditionalLookup,
        Kind::DeputySubtype,
        Kind::DeputyOrganisationName,
        Kind::AsOfDate,
    ];
    for kind in kinds {
        let mut names = vec![kind.name().to_string()];
        if kind == Kind::AsOfDate {
            names.push("current_date".into());
        }
        for name in names {
            let signature = match kind.arity() {
                Some(0) => Signature::nullary(Volatility::Immutable),
                _ => Signature::variadic_any(Volatility::Immutable),
            };
            ctx.register_udf(ScalarUDF::new_from_impl(CasrecUdf { kind, name, signature, env: env.clone() }));
        }
    }
}

/// Names of the UDFs, for the mapping document.
pub fn names() -> Vec<&'static str> {
    vec![
        "first_word",
        "last_words",
        "capitalise_first_letter",
        "convert_to_bool",
        "squash_columns",
        "is_at_least_one_set",
        "casrec_date",
        "casrec_timestamp",
        "casrec_int",
        "lookup",
        "lookup_partial",
        "conditional_lookup",
        "deputy_subtype",
        "deputy_organisation_name",
        "as_of_date",
    ]
}
