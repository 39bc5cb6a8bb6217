//! Every function through SQL, in a DataFusion session set up by [`register`]: the original's
//! fact tables, NULL, blank, bad values (and the exception each records) and the types returned.

use std::collections::BTreeSet;
use std::sync::Arc;

use arrow::datatypes::DataType;
use arrow::util::display::{ArrayFormatter, FormatOptions};
use chrono::NaiveDate;
use datafusion::prelude::SessionContext;

use super::{docs, functions, register, UdfEnv, ValueException};
use crate::functions::Lookup;
use crate::lookups::Lookups;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
}

fn env() -> Arc<UdfEnv> {
    let mut lookups = Lookups::default();
    for (name, pairs) in [
        ("colour", vec![("R", "Red"), ("G", "Green"), (" B", "Blue"), ("E", "")]),
        ("with_blank", vec![("", "Nothing"), ("X", "Ex")]),
        ("death", vec![("D", "Term Date"), ("O", "Other")]),
    ] {
        let owned: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        lookups.tables.insert(name.into(), (Lookup::from_pairs(name, owned.clone()), owned));
    }
    UdfEnv::new(lookups, as_of())
}

/// The first column of a query, formatted (NULL as `NULL`), with its type.
async fn query(env: &Arc<UdfEnv>, sql: &str) -> Result<(DataType, Vec<String>), String> {
    let ctx = SessionContext::new();
    register(&ctx, env);
    let df = ctx.sql(sql).await.map_err(|e| e.to_string())?;
    let ty = df.schema().field(0).data_type().clone();
    let batches = df.collect().await.map_err(|e| e.to_string())?;
    let opts = FormatOptions::default().with_null("NULL");
    let mut out = Vec::new();
    for b in batches {
        let f = ArrayFormatter::try_new(b.column(0).as_ref(), &opts).map_err(|e| e.to_string())?;
        out.extend((0..b.num_rows()).map(|r| f.value(r).to_string()));
    }
    Ok((ty, out))
}

async fn run(env: &Arc<UdfEnv>, sql: &str) -> (DataType, Vec<String>) {
    query(env, sql).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn lit(v: Option<&str>) -> String {
    v.map_or("NULL".into(), |s| format!("'{}'", s.replace('\'', "''")))
}

/// `SELECT <call> FROM (VALUES (1, a1, b1, ...), ...) AS t(id, a, b, ...) ORDER BY id`, one
/// row per case, ids from 1; every argument column is text.
fn table_sql(call: &str, cases: &[Vec<Option<&str>>]) -> String {
    let width = cases.first().map_or(0, Vec::len);
    let rows: Vec<String> = cases
        .iter()
        .enumerate()
        .map(|(i, args)| {
            let vals: Vec<String> = args.iter().map(|a| lit(*a)).collect();
            format!("({}, {})", i + 1, vals.join(", "))
        })
        .collect();
    let cols: Vec<String> = (0..width).map(|i| ((b'a' + i as u8) as char).to_string()).collect();
    // A column of only NULLs would have no type; the first row fixes every column to text.
    format!(
        "SELECT {call} FROM (VALUES (0, {nulls}), {rows}) AS t(id, {cols}) WHERE id > 0 ORDER BY id",
        nulls = vec!["CAST(NULL AS VARCHAR)"; width].join(", "),
        rows = rows.join(", "),
        cols = cols.join(", ")
    )
}

/// A one-argument function of text over `cases` (input, expected); returns the result type.
async fn facts(name: &str, cases: &[(Option<&str>, &str)]) -> DataType {
    let env = env();
    let inputs: Vec<Vec<Option<&str>>> = cases.iter().map(|(v, _)| vec![*v]).collect();
    let (ty, got) = run(&env, &table_sql(&format!("{name}(a)"), &inputs)).await;
    let expected: Vec<&str> = cases.iter().map(|(_, e)| *e).collect();
    assert_eq!(got, expected, "{name}");
    assert!(env.take_exceptions().is_empty(), "{name} records nothing");
    ty
}

/// A function of `(value, casrec_row_id, label)` over `cases` (input, expected); the rows
/// whose expectation starts with `!` must be recorded, with their row id, the label and the
/// value, and written as what follows the `!`. Returns the result type.
async fn fallible(name: &str, cases: &[(Option<&str>, &str)]) -> DataType {
    let env = env();
    let inputs: Vec<Vec<Option<&str>>> = cases.iter().map(|(v, _)| vec![*v]).collect();
    let sql = table_sql(&format!("{name}(a, id, 'Col {name}')"), &inputs);
    let (ty, got) = run(&env, &sql).await;
    let expected: Vec<&str> = cases.iter().map(|(_, e)| e.trim_start_matches('!')).collect();
    assert_eq!(got, expected, "{name}");
    let recorded = env.take_exceptions();
    let bad: Vec<(i64, String)> = cases
        .iter()
        .enumerate()
        .filter(|(_, (_, e))| e.starts_with('!'))
        .map(|(i, (v, _))| (i as i64 + 1, v.unwrap_or("").to_string()))
        .collect();
    assert!(!bad.is_empty(), "{name}: the facts include a bad value");
    assert_eq!(recorded.iter().map(|x| (x.casrec_row_id, x.value.clone())).collect::<Vec<_>>(), bad, "{name}");
    for x in &recorded {
        assert_eq!(x.column, format!("Col {name}"));
        assert!(x.reason.contains("written as"), "{x:?}");
    }
    ty
}

const TS: DataType = DataType::Timestamp(arrow::datatypes::TimeUnit::Microsecond, None);

#[tokio::test]
async fn first_word_last_words_capitalise_first_letter_capitalise() {
    let cases = [
        (Some("mary ann  JONES"), "Mary"),
        (Some(" mary"), "Mary"),
        (Some("John\tPaul"), "John"),
        (Some("o'brien"), "O'Brien"),
        (Some(""), "NULL"),
        (Some("   "), "NULL"),
        (None, "NULL"),
    ];
    assert_eq!(facts("first_word", &cases).await, DataType::Utf8);
    let cases = [
        (Some("mary ann  JONES"), "Ann Jones"),
        (Some("mary"), "NULL"),
        (Some(" mary"), "NULL"),
        (Some(""), "NULL"),
        (None, "NULL"),
    ];
    facts("last_words", &cases).await;
    let cases = [
        (Some("O'BRIEN"), "O'Brien"),
        (Some("mcdonald"), "Mcdonald"),
        (Some("NHS TRUST "), "Nhs Trust "),
        (Some(""), "NULL"),
        (None, "NULL"),
    ];
    facts("capitalise_first_letter", &cases).await;
    facts("capitalise", &[(Some("straße x"), "STRASSE X"), (Some(""), "NULL"), (None, "NULL")]).await;
}

#[tokio::test]
async fn first_two_chars_and_first_chars() {
    let cases = [(Some("123456"), "12"), (Some("a"), "a"), (Some(" 1x"), " 1"), (Some(""), "NULL"), (None, "NULL")];
    facts("first_two_chars", &cases).await;
    let env = env();
    let sql = "SELECT first_chars(v, n) FROM (VALUES (1, 'éabc', 2), (2, 'ab', 5), (3, 'ab', 0), (4, NULL, 1), \
               (5, 'ab', NULL)) AS t(id, v, n) ORDER BY id";
    assert_eq!(run(&env, sql).await.1, ["éa", "ab", "NULL", "NULL", "NULL"]);
    let err = query(&env, "SELECT first_chars('abc', -1)").await.unwrap_err();
    assert!(err.contains("negative"), "{err}");
}

#[tokio::test]
async fn credit_type_from_invoice_ref() {
    let cases = [
        (Some("Z123"), "CREDIT REMISSION"),
        (Some("123Z"), "CREDIT REMISSION"),
        (Some("CR12"), "CREDIT MEMO"),
        (Some("12WO"), "CREDIT WRITE OFF"),
        (Some("ZCR"), "CREDIT REMISSION"),
        (Some("z123"), "NULL"),
        (Some("123Z "), "NULL"),
        (Some("AB12"), "NULL"),
        (Some(""), "NULL"),
        (None, "NULL"),
    ];
    facts("credit_type_from_invoice_ref", &cases).await;
}

#[tokio::test]
async fn convert_to_bool_is_exact() {
    let cases = [
        (Some("1"), "true"),
        (Some("1.0"), "true"),
        (Some(" 1"), "false"),
        (Some("Y"), "false"),
        (Some("True"), "false"),
        (Some(""), "false"),
        (None, "false"),
    ];
    assert_eq!(facts("convert_to_bool", &cases).await, DataType::Boolean);
}

#[tokio::test]
async fn the_variadic_text_functions() {
    let env = env();
    let rows = "FROM (VALUES (1, 'a', 'b'), (2, '', 'x'), (3, NULL, ''), (4, ' ', NULL), (5, NULL, NULL), \
                (6, '2', '10')) AS t(id, a, b) ORDER BY id";
    let squash = run(&env, &format!("SELECT squash_columns(a, b) {rows}")).await.1;
    assert_eq!(
        squash,
        [r#"["a", "b"]"#, r#"["", "x"]"#, r#"[null, ""]"#, r#"[" ", null]"#, "[null, null]", r#"["2", "10"]"#]
    );
    let set = run(&env, &format!("SELECT is_at_least_one_set(a, b) {rows}")).await;
    assert_eq!(set, (DataType::Boolean, ["true", "true", "false", "true", "false", "true"].map(String::from).to_vec()));
    let first = run(&env, &format!("SELECT coalesce_nonblank(a, b) {rows}")).await.1;
    assert_eq!(first, ["a", "x", "NULL", " ", "NULL", "2"]);
    let max = run(&env, &format!("SELECT get_max_col(a, b) {rows}")).await.1;
    assert_eq!(max, ["b", "x", "NULL", " ", "NULL", "10.0"]);
    assert_eq!(run(&env, "SELECT squash_columns('é\"')").await.1, [r#"["\u00e9\""]"#]);
    assert!(env.take_exceptions().is_empty());
}

#[tokio::test]
async fn casrec_date_and_timestamps() {
    let cases = [
        (Some("12/03/2019"), "2019-03-12"),
        (Some("2019-03-12 10:30:00"), "2019-03-12"),
        (Some("12/31/2019"), "2019-12-31"),
        (Some(" 20190312 "), "2019-03-12"),
        (Some(""), "NULL"),
        (Some("  "), "NULL"),
        (Some("NaT"), "NULL"),
        (None, "NULL"),
        (Some("2019-02-30"), "!NULL"),
        (Some("soon"), "!NULL"),
    ];
    assert_eq!(fallible("casrec_date", &cases).await, DataType::Date32);
    let cases = [
        (Some("12/03/2019 10:00:00.5"), "2019-03-12T10:00:01"),
        (Some("2019-03-12T09:15"), "2019-03-12T09:15:00"),
        (Some(""), "NULL"),
        (None, "NULL"),
        (Some("12/03/2019 25:00"), "!NULL"),
    ];
    assert_eq!(fallible("casrec_timestamp", &cases).await, TS);
    let cases = [
        (Some("9:05:00"), "09:05:00"),
        (Some(" 17:30:12.25 "), "17:30:12.250"),
        (Some("08:15"), "08:15:00"),
        (Some("NaT"), "NULL"),
        (Some(""), "NULL"),
        (None, "NULL"),
        (Some("25:00:00"), "!NULL"),
        (Some("12/03/2019"), "!NULL"),
    ];
    assert_eq!(fallible("casrec_time", &cases).await, DataType::Time64(arrow::datatypes::TimeUnit::Microsecond));
    let cases = [
        (Some("12/03/2019 10:00:00.5"), "2019-03-12T10:00:00.500"),
        (Some("01.02.2020"), "2020-02-01T00:00:00"),
        (Some(""), "NULL"),
        (None, "NULL"),
        (Some("31/02/2019"), "!NULL"),
    ];
    assert_eq!(fallible("date_format_standard", &cases).await, TS);
}

#[tokio::test]
async fn integers() {
    let cases = [
        (Some("12"), "12"),
        (Some("12.0"), "12"),
        (Some(" 12 "), "12"),
        (Some("1e3"), "1000"),
        (Some("-7"), "-7"),
        (Some(""), "NULL"),
        (Some(" "), "NULL"),
        (None, "NULL"),
        (Some("12.5"), "!NULL"),
        (Some("abc"), "!NULL"),
        (Some("3000000000"), "!NULL"),
    ];
    assert_eq!(fallible("casrec_int", &cases).await, DataType::Int32);
    let cases = [
        (Some("3000000000"), "3000000000"),
        (Some("12.0"), "12"),
        (Some(""), "NULL"),
        (None, "NULL"),
        (Some("12.5"), "!NULL"),
        (Some("99999999999999999999"), "!NULL"),
    ];
    assert_eq!(fallible("coerce_int", &cases).await, DataType::Int64);
}

#[tokio::test]
async fn coerce_bool_follows_postgresql() {
    let cases = [
        (Some("true"), "true"),
        (Some(" YES "), "true"),
        (Some("t"), "true"),
        (Some("1"), "true"),
        (Some("on"), "true"),
        (Some("False"), "false"),
        (Some("of"), "false"),
        (Some("0"), "false"),
        (Some("n"), "false"),
        (Some(""), "NULL"),
        (Some(" "), "NULL"),
        (None, "NULL"),
        (Some("o"), "!NULL"),
        (Some("2"), "!NULL"),
        (Some("maybe"), "!NULL"),
    ];
    assert_eq!(fallible("coerce_bool", &cases).await, DataType::Boolean);
}

#[tokio::test]
async fn coerce_decimal_is_exact() {
    let cases = [
        (Some("0.1"), "0.1000000000"),
        (Some(" -12.50 "), "-12.5000000000"),
        (Some("1e2"), "100.0000000000"),
        (Some(""), "NULL"),
        (None, "NULL"),
        (Some("1,000"), "!NULL"),
        (Some("0.123456789012"), "!0.1234567890"),
        (Some("1e30"), "!NULL"),
    ];
    assert_eq!(fallible("coerce_decimal", &cases).await, DataType::Decimal128(38, 10));
    let env = env();
    run(&env, "SELECT coerce_decimal('0.00000000005', 9, 'Rate')").await;
    let x = env.take_exceptions();
    assert!(x[0].reason.contains("rounded") && x[0].reason.contains("0.0000000001"), "{x:?}");
}

#[tokio::test]
async fn money() {
    let cases = [
        (Some("0.66"), "0.66"),
        (Some("1.5"), "1.50"),
        (Some(" -12 "), "-12.00"),
        (Some("0.665"), "0.67"),
        (Some("-0.665"), "-0.67"),
        (Some(""), "0.00"),
        (Some(" "), "0.00"),
        (Some("   "), "0.00"),
        (None, "NULL"),
        (Some("£5"), "!NULL"),
        (Some("1,000"), "!NULL"),
        (Some("1e37"), "!NULL"),
    ];
    assert_eq!(fallible("money_pound_pence", &cases).await, DataType::Decimal128(38, 2));
    let cases = [
        (Some("-2"), "2.00"),
        (Some("-0.50"), "0.50"),
        (Some("3.333"), "3.33"),
        (Some(""), "NULL"),
        (Some(" "), "NULL"),
        (None, "NULL"),
        (Some("abc"), "!NULL"),
    ];
    assert_eq!(fallible("absolute_value", &cases).await, DataType::Decimal128(38, 2));
    let cases = [
        (Some("12.34"), "1234"),
        (Some("0.665"), "67"),
        (Some("-0.665"), "-67"),
        (Some(" 5 "), "500"),
        (Some(""), "NULL"),
        (None, "NULL"),
        (Some("1,000.00"), "!NULL"),
        (Some("1e20"), "!NULL"),
    ];
    assert_eq!(fallible("multiply_by_100", &cases).await, DataType::Int64);
}

#[tokio::test]
async fn as_of_date_and_current_date_are_the_run_date() {
    let env = env();
    for sql in ["SELECT as_of_date()", "SELECT current_date()", "SELECT CURRENT_DATE", "SELECT current_date"] {
        assert_eq!(run(&env, sql).await, (DataType::Date32, vec!["2026-11-01".to_string()]), "{sql}");
    }
    let other = UdfEnv::new(Lookups::default(), NaiveDate::from_ymd_opt(2001, 2, 3).unwrap());
    assert_eq!(run(&other, "SELECT current_date()").await.1, ["2001-02-03"]);
}

#[tokio::test]
async fn date_arithmetic() {
    let cases = [
        (Some("29/02/2020"), "2021-02-28T00:00:00"),
        (Some("2019-03-12 10:30:00"), "2020-03-12T10:30:00"),
        (Some(""), "NULL"),
        (None, "NULL"),
        (Some("x"), "!NULL"),
        (Some("31/12/9999"), "!NULL"),
    ];
    assert_eq!(fallible("add_one_year", &cases).await, TS);
    let cases = [
        (Some("31/03/2020"), "2019-04-01"),
        (Some("01/04/2020"), "2020-04-01"),
        (Some("06/04/2020"), "2020-04-01"),
        (Some(""), "NULL"),
        (None, "NULL"),
        (Some("2020-13-01"), "!NULL"),
    ];
    assert_eq!(fallible("start_of_tax_year", &cases).await, DataType::Date32);
    let cases = [
        (Some("31/03/2020"), "2020-03-31"),
        (Some("01/04/2020"), "2021-03-31"),
        (Some(""), "NULL"),
        (None, "NULL"),
        (Some("2020-13-01"), "!NULL"),
    ];
    assert_eq!(fallible("end_of_tax_year", &cases).await, DataType::Date32);
    let cases = [
        (Some("31/03/2020"), "2020-03-31T00:00:00"),
        (Some("01/04/2020 09:00"), "2020-03-31T09:00:00"),
        (Some("15/01/2020"), "2020-03-31T00:00:00"),
        (Some("02/04/2020"), "2021-03-31T00:00:00"),
        (Some(""), "NULL"),
        (None, "NULL"),
        (Some("nope"), "!NULL"),
    ];
    assert_eq!(fallible("fee_reduction_end_date", &cases).await, TS);
    let cases = [
        (Some("2021-01-01"), "2021-01-22T00:00:00"),
        (Some("2021-01-02"), "2021-01-25T00:00:00"),
        (Some("2021-01-03 08:00"), "2021-01-25T08:00:00"),
        (Some(""), "NULL"),
        (None, "NULL"),
        (Some("88/11/2999"), "!NULL"),
    ];
    assert_eq!(fallible("calculate_duedate", &cases).await, TS);
    let cases = [
        (Some("2021-12-08"), "2020-12-09T00:00:00"),
        (Some("2020-02-29"), "2019-03-01T00:00:00"),
        (Some(""), "NULL"),
        (None, "NULL"),
        (Some("99/12/2022"), "!NULL"),
    ];
    assert_eq!(fallible("calculate_startdate", &cases).await, TS);
}

#[tokio::test]
async fn due_date_for_case_by_deputy() {
    let env = env();
    let sql = "SELECT due_date_for_case(d, pa, id, 'End Date') FROM (VALUES \
               (1, '2021-01-01', true), (2, '2021-01-01', false), (3, '2021-01-01', NULL), \
               (4, '2021-01-02', true), (5, '', true), (6, NULL, false), (7, '88/11/2999', true)) \
               AS t(id, d, pa) ORDER BY id";
    let (ty, got) = run(&env, sql).await;
    assert_eq!(ty, DataType::Date32);
    // 40 business days after Friday 1 January 2021 is Friday 26 February; a Saturday rolls back.
    assert_eq!(got, ["2021-02-26", "2021-01-22", "2021-01-22", "2021-02-26", "NULL", "NULL", "NULL"]);
    let x = env.take_exceptions();
    assert_eq!(x.len(), 1);
    assert_eq!((x[0].casrec_row_id, x[0].column.as_str(), x[0].value.as_str()), (7, "End Date", "88/11/2999"));
}

#[tokio::test]
async fn add_business_days_takes_dates() {
    let env = env();
    let sql = "SELECT add_business_days(d, n) FROM (VALUES (1, DATE '2021-01-01', 40), (2, DATE '2021-01-02', 1), \
               (3, DATE '2021-01-04', -1), (4, NULL, 1), (5, DATE '2021-01-04', NULL), \
               (6, DATE '2021-01-04', 0)) AS t(id, d, n) ORDER BY id";
    assert_eq!(
        run(&env, sql).await,
        (
            DataType::Date32,
            ["2021-02-26", "2021-01-04", "2021-01-01", "NULL", "NULL", "2021-01-04"].map(String::from).to_vec()
        )
    );
    let from_ts = run(&env, "SELECT add_business_days(TIMESTAMP '2021-01-01 10:00:00', 1)").await.1;
    assert_eq!(from_ts, ["2021-01-04"]);
    let err = query(&env, "SELECT add_business_days('2021-01-01', 1)").await.unwrap_err();
    assert!(err.contains("add_business_days") && err.contains("Date"), "{err}");
}

#[tokio::test]
async fn convert_to_timestamp_is_london_time_in_utc() {
    let env = env();
    let sql = "SELECT convert_to_timestamp(d, t, id, 'Logdate') FROM (VALUES \
               (1, '2020-06-12', ''), (2, '2020-06-14', '08:54:04.032000'), (3, '2020-01-14 00:00:00', '08:54:04'), \
               (4, '2021-10-31', '01:30:00'), (5, '', '09:00:00'), (6, NULL, NULL), (7, '2020-06-13', NULL), \
               (8, '12/06/2020', '10:00:00'), (9, '2020-06-12', '10:00'), (10, '1960-01-01', '10:00:00')) \
               AS t(id, d, t) ORDER BY id";
    let (ty, got) = run(&env, sql).await;
    assert_eq!(ty, TS);
    let expected = [
        "2020-06-11T23:00:00",
        "2020-06-14T07:54:04",
        "2020-01-14T08:54:04",
        "2021-10-31T01:30:00",
        "NULL",
        "NULL",
        "2020-06-12T23:00:00",
        "NULL",
        "NULL",
        "NULL",
    ];
    assert_eq!(got, expected);
    let x: Vec<(i64, String)> = env.take_exceptions().into_iter().map(|x| (x.casrec_row_id, x.value)).collect();
    assert_eq!(x, [(8, "12/06/2020".into()), (9, "10:00".into()), (10, "1960-01-01".into())]);
}

#[tokio::test]
async fn london_local_to_utc_takes_timestamps() {
    let env = env();
    let sql = "SELECT london_local_to_utc(ts, id, 'Log Time') FROM (VALUES \
               (1, TIMESTAMP '2020-06-12 00:00:00'), (2, TIMESTAMP '2020-01-12 10:00:00'), \
               (3, TIMESTAMP '2021-03-28 01:30:00'), (4, TIMESTAMP '2021-10-31 01:30:00'), (5, NULL), \
               (6, TIMESTAMP '1971-06-01 12:00:00')) AS t(id, ts) ORDER BY id";
    let (ty, got) = run(&env, sql).await;
    assert_eq!(ty, TS);
    let expected =
        ["2020-06-11T23:00:00", "2020-01-12T10:00:00", "2021-03-28T01:30:00", "2021-10-31T01:30:00", "NULL", "NULL"];
    assert_eq!(got, expected);
    let x: Vec<ValueException> = env.take_exceptions();
    assert_eq!(x.len(), 1);
    assert_eq!((x[0].casrec_row_id, x[0].column.as_str(), x[0].value.as_str()), (6, "Log Time", "1971-06-01 12:00:00"));
    let err = query(&env, "SELECT london_local_to_utc('2020-06-12 00:00:00', 1, 'x')").await.unwrap_err();
    assert!(err.contains("london_local_to_utc"), "{err}");
}

#[tokio::test]
async fn formatting_dates() {
    let env = env();
    let sql = "SELECT format_date(d) FROM (VALUES (1, DATE '2021-01-02'), (2, NULL), (3, DATE '0900-12-31')) \
               AS t(id, d) ORDER BY id";
    assert_eq!(run(&env, sql).await, (DataType::Utf8, ["2021-01-02", "NULL", "0900-12-31"].map(String::from).to_vec()));
    assert_eq!(run(&env, "SELECT format_date(TIMESTAMP '2021-01-02 23:59:59')").await.1, ["2021-01-02"]);
    assert_eq!(run(&env, "SELECT format_date(casrec_date('3/4/2021', 1, 'x'))").await.1, ["2021-04-03"]);
    let sql = "SELECT format_datetime(ts) FROM (VALUES (1, TIMESTAMP '2021-01-02 03:04:05.9'), (2, NULL)) \
               AS t(id, ts) ORDER BY id";
    assert_eq!(run(&env, sql).await.1, ["2021-01-02 03:04:05", "NULL"]);
    assert_eq!(run(&env, "SELECT format_datetime(DATE '2021-01-02')").await.1, ["2021-01-02 00:00:00"]);
    assert!(query(&env, "SELECT format_date('2021-01-02')").await.is_err(), "text is not a date");
}

#[tokio::test]
async fn pa_pro_deputies() {
    let cases = [
        (Some("20"), "true"),
        (Some("90"), "true"),
        (Some("19"), "false"),
        (Some(" 20"), "false"),
        (Some(""), "false"),
        (None, "false"),
    ];
    assert_eq!(facts("is_pa_pro_deputy_type", &cases).await, DataType::Boolean);
    let env = env();
    let sql = "SELECT is_active_pa_pro_deputy(t, s) FROM (VALUES (1, '21', '1'), (2, '21', '2'), (3, '10', '1'), \
               (4, NULL, '1'), (5, '21', NULL), (6, '', '')) AS t(id, t, s) ORDER BY id";
    assert_eq!(run(&env, sql).await.1, ["true", "false", "false", "false", "false", "false"]);
}

#[tokio::test]
async fn deputy_subtype_and_organisation_name() {
    let env = env();
    let rows = "FROM (VALUES (1, 'PA', 'Leeds', NULL, 'Council'), (2, 'PRO', '', '', 'Smith & Co'), \
                (3, 'PRO', 'Ann', '', 'Smith'), (4, 'LAY', 'Bob', NULL, 'Jones'), (5, 'PRO', 'Ann', NULL, ''), \
                (6, NULL, 'Ann', NULL, 'Smith'), (7, '', NULL, NULL, NULL), (8, 'PA', NULL, NULL, NULL)) \
                AS t(id, dt, f, o, s) ORDER BY id";
    let sub = run(&env, &format!("SELECT deputy_subtype(dt, f, o, s) {rows}")).await.1;
    assert_eq!(sub, ["ORGANISATION", "ORGANISATION", "PERSON", "PERSON", "NULL", "NULL", "NULL", "ORGANISATION"]);
    let name = run(&env, &format!("SELECT deputy_organisation_name(dt, f, o, s) {rows}")).await.1;
    assert_eq!(name, ["Leeds Council", "Smith & Co", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL"]);
}

#[tokio::test]
async fn lookups() {
    let env = env();
    let sql = "SELECT lookup(l, c, d, id, 'Colour') FROM (VALUES \
               (1, 'colour', 'R', NULL), (2, 'colour', ' B', NULL), (3, 'colour', 'r', NULL), (4, 'colour', '', 'DEF'), \
               (5, 'colour', NULL, 'DEF'), (6, 'colour', '', NULL), (7, 'with_blank', '', NULL), (8, 'colour', 'Q', 'DEF'), \
               (9, 'colour', 'E', 'DEF'), (10, 'colour', NULL, NULL)) AS t(id, l, c, d) ORDER BY id";
    let got = run(&env, sql).await.1;
    assert_eq!(got, ["Red", "Blue", "NULL", "DEF", "DEF", "NULL", "Nothing", "DEF", "NULL", "NULL"]);
    let x = env.take_exceptions();
    let recorded: Vec<(i64, &str, &str)> =
        x.iter().map(|x| (x.casrec_row_id, x.column.as_str(), x.value.as_str())).collect();
    assert_eq!(recorded, [(3, "Colour", "r"), (8, "Colour", "Q")]);
    assert!(x[0].reason.ends_with("(written as NULL)") && x[1].reason.ends_with("(written as \"DEF\")"), "{x:?}");
    let err = query(&env, "SELECT lookup('nowhere', 'R', NULL, 1, 'x')").await.unwrap_err();
    assert!(err.contains("no lookup named \"nowhere\""), "{err}");

    let sql = "SELECT lookup_partial('colour', c) FROM (VALUES (1, 'G'), (2, 'Q'), (3, ''), (4, NULL), (5, 'E')) \
               AS t(id, c) ORDER BY id";
    assert_eq!(run(&env, sql).await.1, ["Green", "NULL", "NULL", "NULL", "NULL"]);
    assert!(query(&env, "SELECT lookup_partial(NULL, 'G')").await.unwrap_err().contains("NULL"));

    let sql = "SELECT conditional_lookup('death', c, 'Term Date', v) FROM (VALUES (1, 'D', '01/02/2020'), \
               (2, 'd', '01/02/2020'), (3, 'O', '01/02/2020'), (4, NULL, '01/02/2020'), (5, 'D', ''), (6, 'Q', 'x')) \
               AS t(id, c, v) ORDER BY id";
    assert_eq!(run(&env, sql).await.1, ["01/02/2020", "NULL", "NULL", "NULL", "NULL", "NULL"]);
    assert!(query(&env, "SELECT conditional_lookup('nowhere', 'D', 'x', 'y')").await.is_err());
    assert!(env.take_exceptions().is_empty(), "partial and conditional lookups record nothing");
}

#[tokio::test]
async fn held_by_sirius_keeps_only_ids_sirius_holds() {
    let env = env();
    let sql = "SELECT held_by_sirius(i, h, id, 'Bond Co') FROM (VALUES (1, 185, true), (2, 187, false), \
               (3, 43757, NULL), (4, NULL, false), (5, NULL, NULL)) AS t(id, i, h) ORDER BY id";
    let (ty, got) = run(&env, sql).await;
    assert_eq!(ty, DataType::Int64);
    assert_eq!(got, ["185", "NULL", "NULL", "NULL", "NULL"]);
    let x = env.take_exceptions();
    let recorded: Vec<(i64, &str, &str)> =
        x.iter().map(|x| (x.casrec_row_id, x.column.as_str(), x.value.as_str())).collect();
    assert_eq!(recorded, [(2, "Bond Co", "187"), (3, "Bond Co", "43757")]);
    assert!(x[0].reason.contains("does not hold") && x[0].reason.ends_with("(written as NULL)"), "{x:?}");
}

#[tokio::test]
async fn deterministic_ids() {
    let env = env();
    let sql = "SELECT uuid_from(s) FROM (VALUES (1, 'finance_ledger:1'), (2, 'finance_ledger:1'), (3, ''), \
               (4, NULL), (5, 'finance_ledger:2')) AS t(id, s) ORDER BY id";
    let got = run(&env, sql).await.1;
    let expected = crate::functions::uuid_from("finance_ledger:1").to_string();
    assert_eq!(got[..4], [expected.as_str(), expected.as_str(), &crate::functions::uuid_from("").to_string(), "NULL"]);
    assert_ne!(got[4], got[0]);
    assert_eq!(got[0].len(), 36);
    assert_eq!(&got[0][14..15], "5", "version 5");
    assert_eq!(run(&env, "SELECT uuid_from(1)").await.1, [crate::functions::uuid_from("1").to_string()]);

    let sql = "SELECT unique_number(s) FROM (VALUES (1, 'x'), (2, 'x'), (3, 'y'), (4, NULL), (5, '')) AS t(id, s) \
               ORDER BY id";
    let (ty, got) = run(&env, sql).await;
    assert_eq!(ty, DataType::Int64);
    assert_eq!(got[0], got[1]);
    assert_ne!(got[0], got[2]);
    assert_eq!(got[3], "NULL");
    assert_eq!(got[4], crate::functions::unique_number_from("").to_string(), "a blank seed is still a seed");
    for n in got.iter().filter(|n| *n != "NULL") {
        let n: u64 = n.parse().unwrap();
        assert!((100_000_000_000..=999_999_999_999).contains(&n), "{n}");
    }
    assert_eq!(got[0], crate::functions::unique_number_from("x").to_string());
}

#[tokio::test]
async fn calls_are_checked_when_planned() {
    let env = env();
    let err = query(&env, "SELECT casrec_date('01/01/2020')").await.unwrap_err();
    assert!(err.contains("casrec_date(value, casrec_row_id, label)"), "{err}");
    let err = query(&env, "SELECT squash_columns()").await.unwrap_err();
    assert!(err.contains("squash_columns"), "{err}");
    let err = query(&env, "SELECT due_date_for_case('2021-01-01', 'yes', 1, 'x')").await.unwrap_err();
    assert!(err.contains("due_date_for_case") && err.contains("Bool"), "{err}");
    // Text row ids (as some views carry them) are read as numbers.
    let env2 = self::env();
    run(&env2, "SELECT casrec_date('x', '42', 'Col')").await;
    assert_eq!(env2.take_exceptions()[0].casrec_row_id, 42);
    // Dates and numbers are read as their text.
    assert_eq!(run(&env, "SELECT casrec_date(DATE '2020-01-02', 1, 'x')").await.1, ["2020-01-02"]);
    assert_eq!(run(&env, "SELECT multiply_by_100(1.5, 1, 'x')").await.1, ["150"]);
    assert!(env.take_exceptions().is_empty());
}

#[tokio::test]
async fn a_null_row_id_is_recorded_as_minus_one() {
    let env = env();
    run(&env, "SELECT casrec_date('x', NULL, 'Col')").await;
    assert_eq!(env.take_exceptions()[0].casrec_row_id, -1);
}

#[test]
fn every_function_is_documented_once() {
    let docs = docs();
    let env = env();
    assert_eq!(docs.len(), functions(&env).len());
    let mut seen = BTreeSet::new();
    for d in &docs {
        for n in std::iter::once(&d.name).chain(&d.aliases) {
            assert!(seen.insert(n.clone()), "{n} is in the list twice");
        }
        assert!(d.syntax.starts_with(&format!("{}(", d.name)), "{d:?}");
        assert!(d.description.len() > 60, "{} needs a paragraph: {:?}", d.name, d.description);
        assert!(d.description.matches('`').count() % 2 == 0, "{}: unbalanced `code`", d.name);
        assert!(d.description.ends_with('.'), "{}", d.name);
    }
}

/// The convention that makes the list the only place to add a function: each file is one
/// function, named as the file.
#[test]
fn every_file_is_one_function_of_its_name() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/udf");
    let files: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|f| f.strip_suffix(".rs").map(str::to_string))
        .filter(|f| f != "mod" && f != "tests")
        .collect();
    let names: BTreeSet<String> = docs().into_iter().map(|d| d.name).collect();
    assert_eq!(files, names);
}

/// Only `current_date` replaces a built-in, on purpose; any other clash would silently change
/// what a mapping's SQL means (SQL's `coalesce` is not the original's).
#[test]
fn no_function_hides_a_builtin() {
    let ctx = SessionContext::new();
    let state = ctx.state();
    let builtins: BTreeSet<&String> = state
        .scalar_functions()
        .keys()
        .chain(state.aggregate_functions().keys())
        .chain(state.window_functions().keys())
        .collect();
    assert!(builtins.contains(&"current_date".to_string()) && builtins.contains(&"coalesce".to_string()));
    for d in docs() {
        for n in std::iter::once(&d.name).chain(&d.aliases) {
            assert_eq!(builtins.contains(n), n == "current_date", "{n}");
        }
    }
}

/// The working-day functions skip the `bank_holidays` lookup's days: Christmas 2022 (Boxing Day
/// Monday 26, the Christmas substitute Tuesday 27).
#[tokio::test]
async fn working_days_skip_the_bank_holidays_lookup() {
    let mut lookups = Lookups::default();
    let days: Vec<(String, String)> =
        [("2022-12-26", "Boxing Day"), ("2022-12-27", "Christmas Day")].map(|(d, n)| (d.into(), n.into())).to_vec();
    lookups.tables.insert("bank_holidays".into(), (Lookup::from_pairs("bank_holidays", days.clone()), days));
    let env = UdfEnv::new(lookups, NaiveDate::from_ymd_opt(2022, 12, 28).unwrap());
    let sql = "SELECT d FROM (VALUES (1, add_business_days(DATE '2022-12-23', 1)), \
               (2, working_days_before(DATE '2022-12-28', 1)), (3, working_days_before(DATE '2022-12-26', 0)), \
               (4, due_date_for_case('2022-12-06', false, 1, 'End Date')), \
               (5, due_date_for_case('2022-12-27', true, 1, 'End Date'))) AS t(id, d) ORDER BY id";
    // The PA/PRO path rolls a holiday end date back to Friday 23 December before counting 40.
    assert_eq!(
        run(&env, sql).await.1,
        ["2022-12-28", "2022-12-23", "2022-12-28", "2022-12-28", "2023-02-21"].map(String::from).to_vec()
    );
}
