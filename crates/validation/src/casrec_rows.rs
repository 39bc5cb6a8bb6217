//! Field by field against CasRec itself: for the tables that have `sql/casrec_rows/<table>.sql`,
//! the rows CasRec says Sirius should hold are recomputed from `casrec_csv` and the scope with
//! the mapping's rules written again in plain SQL (never the transform's code), and compared
//! column by column with the rows Sirius holds under the ids integration gave them. The
//! comparison with integration's own rows (in `lib.rs`) catches load mistakes; this one catches
//! the transform's. Differences are kept in `validation.casrec_exceptions_<table>`.

use migration_core::db::quote_ident;
use migration_core::registry::SiriusTable;
use migration_core::StepContext;
use tokio_postgres::Client;

use crate::{db_err, one, Check, ValidationError};

/// Validation's own CasRec parsers and lookups; `lib.rs` creates them first, for every query.
pub(crate) const FUNCTIONS_SQL: &str = include_str!("sql/casrec_functions.sql");

/// The annual report logs CasRec says Sirius should hold (`validation.casrec_report_logs`), with
/// each log's case, source line and report order; `lib.rs` builds it once for every reporting
/// table, after `validation.casrec_orders`.
pub(crate) const REPORT_LOGS_SQL: &str = include_str!("sql/casrec_report_logs.sql");

/// `(table, SQL giving its rows as CasRec says them: migration_key and Sirius columns)`.
const CASREC_ROWS: &[(&str, &str)] = &[
    ("death_notifications", include_str!("sql/casrec_rows/death_notifications.sql")),
    ("supervision_notes", include_str!("sql/casrec_rows/supervision_notes.sql")),
    ("visits", include_str!("sql/casrec_rows/visits.sql")),
    ("bonds", include_str!("sql/casrec_rows/bonds.sql")),
    ("warnings", include_str!("sql/casrec_rows/warnings.sql")),
    // Reads validation.casrec_warnings, so it comes after warnings.
    ("person_warning", include_str!("sql/casrec_rows/person_warning.sql")),
    ("tasks", include_str!("sql/casrec_rows/tasks.sql")),
    // Read validation.casrec_tasks, so they come after tasks.
    ("person_task", include_str!("sql/casrec_rows/person_task.sql")),
    ("caseitem_task", include_str!("sql/casrec_rows/caseitem_task.sql")),
    ("timeline_event", include_str!("sql/casrec_rows/timeline_event.sql")),
    // Reads validation.casrec_timeline_event, so it comes after timeline_event.
    ("person_timeline", include_str!("sql/casrec_rows/person_timeline.sql")),
    // These four read validation.casrec_report_logs (casrec_report_logs.sql); the last three
    // also the ids integration gave the logs.
    ("annual_report_logs", include_str!("sql/casrec_rows/annual_report_logs.sql")),
    ("annual_report_lodging_details", include_str!("sql/casrec_rows/annual_report_lodging_details.sql")),
    ("annual_report_type_assignments", include_str!("sql/casrec_rows/annual_report_type_assignments.sql")),
    ("scheduled_events", include_str!("sql/casrec_rows/scheduled_events.sql")),
    // These five read the tables casrec_finance.sql builds (finance.rs, CASREC_SQL).
    ("finance_invoice", include_str!("sql/casrec_rows/finance_invoice.sql")),
    ("finance_ledger", include_str!("sql/casrec_rows/finance_ledger.sql")),
    ("finance_ledger_allocation", include_str!("sql/casrec_rows/finance_ledger_allocation.sql")),
    ("finance_remission_exemption", include_str!("sql/casrec_rows/finance_remission_exemption.sql")),
    ("finance_order", include_str!("sql/casrec_rows/finance_order.sql")),
];

/// The CasRec rows SQL of a table.
#[cfg(test)]
pub(crate) fn sql_of(table: &str) -> &'static str {
    CASREC_ROWS
        .iter()
        .find(|(t, _)| *t == table)
        .map(|(_, sql)| *sql)
        .unwrap_or_else(|| panic!("no CasRec rows of {table}"))
}

/// A column of a table's CasRec rows that is not a Sirius column but what a link names, compared
/// with what the Sirius row's link points at: ids differ between the two sides by design (a
/// matched invoice keeps Sirius's), the reference or key they name must not.
struct Link {
    table: &'static str,
    /// The column of the CasRec rows (text).
    column: &'static str,
    /// Joined after the Sirius row `a`.
    join: &'static str,
    /// What Sirius's link names, as text.
    value: &'static str,
}

const LINKS: &[Link] = &[
    Link {
        table: "finance_ledger_allocation",
        column: "invoice_reference",
        join: r#"LEFT JOIN "validation"."sirius_finance_invoice" "link_invoice" ON "link_invoice"."key" = a."doc" ->> 'invoice_id'"#,
        value: r#""link_invoice"."doc" ->> 'reference'"#,
    },
    Link {
        table: "finance_ledger_allocation",
        column: "ledger_entry_key",
        join: r#"LEFT JOIN "integration"."finance_ledger" "link_ledger" ON CAST("link_ledger"."id" AS text) = a."doc" ->> 'ledger_entry_id'"#,
        value: r#""link_ledger"."migration_key""#,
    },
];

/// Compares, for every table this run migrated that has its CasRec rows written here. Needs
/// `validation.sirius_<table>` (key = id as text, or a link's pair as `a:b`; doc = the Sirius row
/// as JSON).
pub async fn compare(
    ctx: &StepContext<'_>,
    tables: &[&SiriusTable],
    checks: &mut Vec<Check>,
    diffs: &mut Vec<crate::differences::ColumnDifference>,
) -> Result<(), ValidationError> {
    // Compared a few at a time on connections of their own (migration_core::schedule); a table whose
    // SQL reads another's CasRec rows (person_task reads validation.casrec_tasks) starts once
    // that one is done. Results in the list's order.
    let wanted: Vec<(&str, &str, &SiriusTable)> = CASREC_ROWS
        .iter()
        .filter_map(|(table, sql)| tables.iter().find(|t| t.name == *table).map(|e| (*table, *sql, *e)))
        .collect();
    let n = wanted.len();
    let after: Vec<Vec<usize>> = wanted
        .iter()
        .map(|(table, sql, _)| {
            (0..n)
                .filter(|&j| {
                    wanted[j].0 != *table && sql.contains(&format!("\"validation\".\"casrec_{}\"", wanted[j].0))
                })
                .collect()
        })
        .collect();
    let results = migration_core::schedule::by_dependencies(&after, |i, _: &[Option<_>]| {
        let (table, sql, entry) = wanted[i];
        compare_on_own_connections(ctx, table, sql, entry)
    })
    .await?;
    if let Some(i) = results.iter().position(Option::is_none) {
        return Err(ValidationError::Definition {
            file: format!("sql/casrec_rows/{}.sql", wanted[i].0),
            message: "it reads CasRec rows of a table that reads its own (a cycle)".into(),
        });
    }
    let compared = results.into_iter().flatten();
    for (check, split) in compared {
        checks.push(check);
        diffs.extend(split);
    }
    Ok(())
}

async fn compare_on_own_connections(
    ctx: &StepContext<'_>,
    table: &str,
    sql: &str,
    entry: &SiriusTable,
) -> Result<(Check, Vec<crate::differences::ColumnDifference>), ValidationError> {
    let (m, s) = (ctx.rt.migration_db().await?, ctx.rt.sirius_db().await?);
    compare_table(&m, &s, table, sql, entry).await
}

/// [`compare`] on the given connections, one table after another.
#[cfg(test)]
pub(crate) async fn compare_on(
    m: &Client,
    s: &Client,
    tables: &[&SiriusTable],
    checks: &mut Vec<Check>,
    diffs: &mut Vec<crate::differences::ColumnDifference>,
) -> Result<(), ValidationError> {
    for (table, sql) in CASREC_ROWS {
        let Some(entry) = tables.iter().find(|t| t.name == *table) else { continue };
        let (check, split) = compare_table(m, s, table, sql, entry).await?;
        checks.push(check);
        diffs.extend(split);
    }
    Ok(())
}

/// Recomputes one table's rows from casrec_csv and compares them with what Sirius holds.
async fn compare_table(
    m: &Client,
    s: &Client,
    table: &str,
    sql: &str,
    entry: &SiriusTable,
) -> Result<(Check, Vec<crate::differences::ColumnDifference>), ValidationError> {
    let started = std::time::Instant::now();
    // The row's key in validation.sirius_<table>, built as lib.rs builds it.
    let key = entry
        .key_columns()
        .iter()
        .map(|k| format!("CAST(i.{} AS text)", quote_ident(k)))
        .collect::<Vec<_>>()
        .join(" || ':' || ");
    let expected = quote_ident(&format!("casrec_{table}"));
    let exceptions = quote_ident(&format!("casrec_exceptions_{table}"));
    m.batch_execute(&format!(
        "CREATE UNLOGGED TABLE \"validation\".{expected} AS {sql}; ANALYZE \"validation\".{expected};"
    ))
    .await
    .map_err(db_err(format!("recomputing {table} from casrec_csv (sql/casrec_rows/{table}.sql)")))?;
    let ours: Vec<String> = migration_core::db::table_columns(m, "validation", &format!("casrec_{table}"))
        .await?
        .into_iter()
        .map(|(c, _)| c)
        .filter(|c| c != "migration_key")
        .collect();
    // Each column as Sirius types it, so the JSON forms agree with validation.sirius_<table>.
    let sirius = migration_core::db::table_columns(s, "public", table).await?;
    let links: Vec<&Link> = LINKS.iter().filter(|l| l.table == table).collect();
    let mut pairs = Vec::new();
    for c in &ours {
        if links.iter().any(|l| l.column == c) {
            pairs.push(format!("'{c}', CAST(e.{} AS text)", quote_ident(c)));
            continue;
        }
        let ty = sirius.iter().find(|(n, _)| n == c).map(|(_, ty)| ty.clone()).ok_or_else(|| {
            ValidationError::Definition {
                file: format!("sql/casrec_rows/{table}.sql"),
                message: format!("column {c} is not a column of Sirius's {table}"),
            }
        })?;
        pairs.push(format!("'{c}', CAST(e.{} AS {ty})", quote_ident(c)));
    }
    let integrated: Vec<String> =
        migration_core::db::table_columns(m, "integration", table).await?.into_iter().map(|(c, _)| c).collect();
    if links.is_empty() && ours.iter().all(|c| integrated.contains(c)) {
        let typed: Vec<(String, String)> = ours
            .iter()
            .map(|c| {
                let ty = sirius.iter().find(|(n, _)| n == c).map(|(_, ty)| ty.clone()).unwrap_or_default();
                (c.clone(), ty)
            })
            .collect();
        compare_typed(m, table, &key, &expected, &exceptions, &pairs.join(", "), &typed).await?;
    } else {
        compare_as_json(m, table, &key, &expected, &exceptions, &pairs.join(", "), &links).await?;
    }
    let rows = one(m, &format!("SELECT count(*) FROM \"validation\".{expected}"), "counting CasRec's rows").await?;
    let differing =
        one(m, &format!("SELECT count(*) FROM \"validation\".{exceptions}"), "counting differences").await?;
    let check = Check::counts(
        table,
        "rows that differ from CasRec (recomputed from casrec_csv)",
        0,
        differing,
        format!(
            "{rows} rows recomputed; each in validation.casrec_exceptions_{table}, each column that differs in validation.differences_casrec_{table}"
        ),
    );
    let split = crate::differences::split(
        m,
        &format!("casrec_exceptions_{table}"),
        "migration_key",
        &format!("casrec_{table}"),
    )
    .await?;
    crate::log_done(&format!("compared {table} with CasRec's rows ({rows} rows)"), started);
    Ok((check, split))
}

/// The CasRec rows against Sirius's value by value, each column as Sirius types it. A row
/// Sirius holds as integration wrote it (their digests agree: sirius_rows.rs) is compared with
/// integration's columns; only a row whose digest differed is compared with the JSON fetched
/// from Sirius. Building both sides' JSON for every row and testing containment cost as much as
/// recomputing the rows (supervision notes: 5.7 of 12.6 s at 100,000 clients). JSON and array
/// columns keep the containment test, which is what the JSON comparison made of them. The JSON
/// of a row that differs is filled in afterwards, for those rows only.
async fn compare_typed(
    m: &Client,
    table: &str,
    key: &str,
    expected: &str,
    exceptions: &str,
    pairs: &str,
    typed: &[(String, String)],
) -> Result<(), ValidationError> {
    let t = quote_ident(table);
    let differs = if typed.is_empty() {
        "false".to_string()
    } else {
        typed
            .iter()
            .map(|(c, ty)| {
                let (e, i) = (
                    format!("CAST(e.{q} AS {ty})", q = quote_ident(c)),
                    format!("CAST(i.{q} AS {ty})", q = quote_ident(c)),
                );
                if ty == "json" || ty == "jsonb" || ty.ends_with("[]") {
                    format!("NOT (jsonb_build_object('{c}', {e}) <@ jsonb_build_object('{c}', {i}))")
                } else {
                    format!("{e} IS DISTINCT FROM {i}")
                }
            })
            .collect::<Vec<_>>()
            .join(" OR ")
    };
    let digests = quote_ident(&format!("sirius_digests_{table}"));
    let fetched = quote_ident(&format!("sirius_rows_{table}"));
    let view = quote_ident(&format!("sirius_{table}"));
    m.batch_execute(&format!(
        "CREATE UNLOGGED TABLE \"validation\".{exceptions} AS
         SELECT e.\"migration_key\", jsonb_build_object({pairs}) AS \"expected\", r.\"doc\" AS \"actual\",
                CASE WHEN i.\"migration_key\" IS NULL THEN 'not migrated'
                     WHEN d.\"key\" IS NULL THEN 'missing from Sirius'
                     ELSE 'values differ' END AS \"problem\",
                d.\"key\" AS \"sirius_key\"
           FROM \"validation\".{expected} e
           LEFT JOIN \"integration\".{t} i ON i.\"migration_key\" = e.\"migration_key\"
           LEFT JOIN \"validation\".{digests} d ON d.\"key\" = {key}
           LEFT JOIN \"validation\".{fetched} r ON r.\"key\" = d.\"key\"
          WHERE (d.\"key\" IS NULL
                 OR (r.\"key\" IS NOT NULL AND NOT (jsonb_build_object({pairs}) <@ r.\"doc\"))
                 OR (r.\"key\" IS NULL AND ({differs})))
            AND NOT EXISTS (SELECT 1 FROM \"validation\".\"kept_edits\" k
                             WHERE k.\"table_name\" = '{table}' AND CAST(k.\"id\" AS text) = d.\"key\")
         UNION ALL
         SELECT i.\"migration_key\", NULL, NULL, 'migrated, but CasRec has no such row', NULL
           FROM \"integration\".{t} i
          WHERE NOT EXISTS (SELECT 1 FROM \"validation\".{expected} e WHERE e.\"migration_key\" = i.\"migration_key\");
         UPDATE \"validation\".{exceptions} x SET \"actual\" = a.\"doc\"
           FROM \"validation\".{view} a
          WHERE x.\"actual\" IS NULL AND x.\"sirius_key\" IS NOT NULL AND a.\"key\" = x.\"sirius_key\"
            AND EXISTS (SELECT 1 FROM \"validation\".{exceptions} y WHERE y.\"actual\" IS NULL AND y.\"sirius_key\" IS NOT NULL);
         ALTER TABLE \"validation\".{exceptions} DROP COLUMN \"sirius_key\";"
    ))
    .await
    .map_err(db_err(format!("comparing {table} with casrec_csv")))
}

/// The CasRec rows against the JSON of the Sirius rows (`validation.sirius_<table>`), with what
/// each of the row's links names beside its columns.
async fn compare_as_json(
    m: &Client,
    table: &str,
    key: &str,
    expected: &str,
    exceptions: &str,
    pairs: &str,
    links: &[&Link],
) -> Result<(), ValidationError> {
    let t = quote_ident(table);
    // The Sirius row with what its links name beside its columns.
    let actual = if links.is_empty() {
        "a.\"doc\"".to_string()
    } else {
        let named = links.iter().map(|l| format!("'{}', {}", l.column, l.value)).collect::<Vec<_>>().join(", ");
        format!("(a.\"doc\" || jsonb_build_object({named}))")
    };
    let joins = links.iter().map(|l| l.join).collect::<Vec<_>>().join("\n");
    m.batch_execute(&format!(
        "CREATE UNLOGGED TABLE \"validation\".{exceptions} AS
         SELECT e.\"migration_key\", jsonb_build_object({pairs}) AS \"expected\", {actual} AS \"actual\",
                CASE WHEN i.\"migration_key\" IS NULL THEN 'not migrated'
                     WHEN a.\"key\" IS NULL THEN 'missing from Sirius'
                     ELSE 'values differ' END AS \"problem\"
           FROM \"validation\".{expected} e
           LEFT JOIN \"integration\".{t} i ON i.\"migration_key\" = e.\"migration_key\"
           LEFT JOIN \"validation\".{sirius} a ON a.\"key\" = {key}
           {joins}
          WHERE (a.\"key\" IS NULL OR NOT (jsonb_build_object({pairs}) <@ {actual}))
            AND NOT EXISTS (SELECT 1 FROM \"validation\".\"kept_edits\" k
                             WHERE k.\"table_name\" = '{table}' AND CAST(k.\"id\" AS text) = {key})
         UNION ALL
         SELECT i.\"migration_key\", NULL, NULL, 'migrated, but CasRec has no such row'
           FROM \"integration\".{t} i
          WHERE NOT EXISTS (SELECT 1 FROM \"validation\".{expected} e WHERE e.\"migration_key\" = i.\"migration_key\")",
        sirius = quote_ident(&format!("sirius_{table}")),
    ))
    .await
    .map_err(db_err(format!("comparing {table} with casrec_csv")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// England and Wales bank holidays as published (gov.uk), against validation's own rules.
    #[tokio::test]
    async fn bank_holidays_and_due_dates_follow_the_published_calendar() {
        let db = testkit::TestDb::create("validation_days").await;
        let c = db.client().await;
        c.batch_execute(r#"CREATE SCHEMA "validation""#).await.unwrap();
        c.batch_execute(FUNCTIONS_SQL).await.unwrap();
        let published: &[(i32, &str)] = &[
            (1995, "01-02 04-14 04-17 05-08 05-29 08-28 12-25 12-26"),
            (1999, "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28 12-31"),
            (2000, "01-03 04-21 04-24 05-01 05-29 08-28 12-25 12-26"),
            (2002, "01-01 03-29 04-01 05-06 06-03 06-04 08-26 12-25 12-26"),
            (2011, "01-03 04-22 04-25 04-29 05-02 05-30 08-29 12-26 12-27"),
            (2012, "01-02 04-06 04-09 05-07 06-04 06-05 08-27 12-25 12-26"),
            (2019, "01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26"),
            (2020, "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28"),
            (2021, "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28"),
            (2022, "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27"),
            (2023, "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26"),
            (2024, "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26"),
            (2025, "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26"),
            (2026, "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28"),
        ];
        for (year, days) in published {
            let got: String = c
                .query_one(
                    r#"SELECT string_agg(to_char(h, 'MM-DD'), ' ' ORDER BY h) FROM "validation"."bank_holidays"($1) h"#,
                    &[year],
                )
                .await
                .unwrap()
                .get(0);
            assert_eq!(&got, days, "bank holidays of {year}");
        }
        let row = c
            .query_one(
                r#"SELECT to_char("validation"."report_due_date"(DATE '2026-12-20', true), 'YYYY-MM-DD'),
                          to_char("validation"."report_due_date"(DATE '2026-12-20', false), 'YYYY-MM-DD'),
                          to_char("validation"."report_due_date"(DATE '2026-12-01', false), 'YYYY-MM-DD'),
                          to_char("validation"."add_working_days"(DATE '2026-11-02', -15), 'YYYY-MM-DD'),
                          to_char("validation"."add_working_days"(DATE '2026-01-02', -1), 'YYYY-MM-DD')"#,
                &[],
            )
            .await
            .unwrap();
        // Sunday 20 December 2026 rolls back to Friday 18th; 40 working days on, skipping 25
        // and 28 December and 1 January, is 17 February 2027.
        assert_eq!(row.get::<_, String>(0), "2027-02-17");
        // 21 days after 20 December is Sunday 10 January: the next working day.
        assert_eq!(row.get::<_, String>(1), "2027-01-11");
        // 21 days after 1 December 2026 is Tuesday 22 December, a working day.
        assert_eq!(row.get::<_, String>(2), "2026-12-22");
        assert_eq!(row.get::<_, String>(3), "2026-10-12");
        // The working day before Friday 2 January 2026 is Wednesday 31 December 2025.
        assert_eq!(row.get::<_, String>(4), "2025-12-31");
    }

    /// Every form the date parsers read, and what they refuse, one case each.
    #[tokio::test]
    async fn the_date_parsers_read_each_casrec_form_and_refuse_the_rest() {
        let db = testkit::TestDb::create("validation_dates").await;
        let c = db.client().await;
        c.batch_execute(r#"CREATE SCHEMA "validation""#).await.unwrap();
        c.batch_execute(FUNCTIONS_SQL).await.unwrap();
        let dates: &[(&str, Option<&str>)] = &[
            ("2020-02-29", Some("2020-02-29")),
            (" 2020/2/9 ", Some("2020-02-09")),
            ("2020-01-31 10:30:00", Some("2020-01-31")),
            ("2020-01-31T10:30", Some("2020-01-31")),
            ("20200131", Some("2020-01-31")),
            ("31/01/2020", Some("2020-01-31")),
            ("1.2.2020", Some("2020-02-01")),
            ("01-31-2020", Some("2020-01-31")),
            ("31/01/2020 10:30", Some("2020-01-31")),
            ("2019-02-29", None),
            ("2019-02-29 00:00:00", None),
            ("2020-02-29 00:00:00", Some("2020-02-29")),
            ("2020-13-01", None),
            ("0000-01-01", None),
            ("2020-01-012", None),
            ("2020-01-01x", None),
            ("31/13/2020", None),
            ("20201301", None),
            ("NaT", None),
            ("nan", None),
            ("", None),
        ];
        let expect = |sql: String, want: Option<&'static str>| {
            let c = &c;
            async move {
                let got: Option<String> =
                    c.query_one(&format!("SELECT CAST({sql} AS text)"), &[]).await.unwrap().get(0);
                assert_eq!(got.as_deref(), want, "{sql}");
            }
        };
        for (input, want) in dates {
            expect(format!("\"validation\".\"casrec_date\"('{input}')"), *want).await;
        }
        let stamps: &[(&str, Option<&str>)] = &[
            ("2020-01-31", Some("2020-01-31 00:00:00")),
            ("2020-01-31 9:05", Some("2020-01-31 09:05:00")),
            ("2020-01-31T23:59:59.4", Some("2020-01-31 23:59:59")),
            ("31/01/2020 10:30:15", Some("2020-01-31 10:30:15")),
            ("2020-01-31 24:00", None),
            ("2020-01-31 10:60", None),
            ("2020-01-31 10:30:60", None),
            ("2020-01-31 x", None),
        ];
        for (input, want) in stamps {
            expect(format!("\"validation\".\"casrec_timestamp\"('{input}')"), *want).await;
        }
        let london: &[(&str, &str, Option<&str>)] = &[
            // British Summer Time: an hour ahead of UTC.
            ("2020-07-01", "10:30:00", Some("2020-07-01 09:30:00")),
            ("2020-01-01 00:00:00", "1:2:3.75", Some("2020-01-01 01:02:03")),
            ("2020-01-01", "NaT", Some("2020-01-01 00:00:00")),
            ("1971-12-31", "10:00:00", None),
            ("2020-1-1", "24:00:00", None),
            ("2020-02-30", "10:00:00", None),
            ("01/01/2020", "10:00:00", None),
            ("2020-01-01", "10:30", None),
            ("nan", "10:00:00", None),
        ];
        for (d, t, want) in london {
            expect(format!("\"validation\".\"casrec_london_utc\"('{d}', '{t}')"), *want).await;
        }
    }
}

/// The reporting rules on a handful of hand-made CasRec rows, each chosen for one rule of the
/// specification (issue #18), with the as-of date 2026-11-01: 15 working days before it (from
/// Monday 2 November) is 12 October, 71 working days before it 23 July.
#[cfg(test)]
mod reporting_tests {
    use std::collections::HashMap;

    use super::*;

    /// Every column of the export's account file, as the catalogue names them.
    fn account_columns() -> &'static [&'static str] {
        casrec_catalog::by_table("account").expect("account is a CasRec file").columns
    }

    async fn table(c: &tokio_postgres::Client, name: &str, cols: &[&str], rows: &[(i64, &[(&str, &str)])]) {
        let defs = cols.iter().map(|c| format!("{} text NOT NULL DEFAULT ''", quote_ident(c))).collect::<Vec<_>>();
        c.batch_execute(&format!("CREATE TABLE {name} (\"casrec_row_id\" bigint, {})", defs.join(", "))).await.unwrap();
        for (line, vals) in rows {
            let names = vals.iter().map(|(c, _)| quote_ident(c)).collect::<Vec<_>>().join(", ");
            let values = vals.iter().map(|(_, v)| format!("'{v}'")).collect::<Vec<_>>().join(", ");
            c.batch_execute(&format!("INSERT INTO {name} (\"casrec_row_id\", {names}) VALUES ({line}, {values})"))
                .await
                .unwrap();
        }
    }

    /// The rows of a query, each as column → text (NULL as "NULL"), by migration_key.
    async fn rows(c: &tokio_postgres::Client, sql: &str) -> HashMap<String, HashMap<String, String>> {
        let sql = format!(
            "SELECT x.\"migration_key\", j.key, coalesce(j.value, 'NULL')
               FROM ({sql}) x, jsonb_each_text(to_jsonb(x)) j"
        );
        let mut out: HashMap<String, HashMap<String, String>> = HashMap::new();
        for r in c.query(&sql, &[]).await.unwrap() {
            out.entry(r.get(0)).or_default().insert(r.get(1), r.get(2));
        }
        out
    }

    fn casrec_rows(table: &str) -> &'static str {
        CASREC_ROWS.iter().find(|(t, _)| *t == table).map(|(_, sql)| *sql).unwrap()
    }

    #[tokio::test]
    async fn every_rule_of_the_reporting_targets_on_hand_made_rows() {
        let db = testkit::TestDb::create("validation_reporting").await;
        let c = db.client().await;
        c.batch_execute(
            r#"CREATE SCHEMA "validation"; CREATE SCHEMA "casrec_csv"; CREATE SCHEMA "scope"; CREATE SCHEMA "transform";
               CREATE SCHEMA "integration";
               CREATE TABLE "transform"."run" ("as_of_date" date); INSERT INTO "transform"."run" VALUES ('2026-11-01');
               CREATE TABLE "scope"."cases" ("case_no" text, "in_scope" boolean, "casrec_row_id" bigint);
               INSERT INTO "scope"."cases" VALUES ('A', true, 1), ('B', true, 2), ('C', true, 3), ('D', false, 4);
               CREATE TABLE "integration"."persons" ("id" integer, "migration_key" text);
               INSERT INTO "integration"."persons" VALUES (11, 'client:A'), (12, 'client:B'), (13, 'client:C');
               CREATE TABLE "integration"."cases" ("id" integer, "migration_key" text);
               INSERT INTO "integration"."cases" VALUES (51, 'order:5001'), (52, 'order:5002'), (53, 'order:5003'),
                   (61, 'order:6001'), (62, 'order:6002'), (63, 'order:6003');"#,
        )
        .await
        .unwrap();
        c.batch_execute(FUNCTIONS_SQL).await.unwrap();
        table(
            &c,
            "casrec_csv.pat",
            &["Case", "Report Due"],
            &[
                (1, &[("Case", "A"), ("Report Due", "2026-11-01 00:00:00")]),
                (2, &[("Case", "B"), ("Report Due", "31/03/2027")]),
                (3, &[("Case", "C"), ("Report Due", "2026-06-30")]),
                (4, &[("Case", "D"), ("Report Due", "2026-06-30")]),
            ],
        )
        .await;
        let order_cols = &["Case", "Order No", "Made Date", "Ord Stat", "Ord Type", "Ord Risk Lvl"];
        table(
            &c,
            "casrec_csv.order",
            order_cols,
            &[
                (
                    10,
                    &[
                        ("Case", "B"),
                        ("Order No", "5001"),
                        ("Made Date", "2020-01-01"),
                        ("Ord Stat", "Active"),
                        ("Ord Type", "1"),
                        ("Ord Risk Lvl", "3"),
                    ],
                ),
                (
                    11,
                    &[
                        ("Case", "B"),
                        ("Order No", "5002"),
                        ("Made Date", "2022-01-01"),
                        ("Ord Stat", "Active"),
                        ("Ord Type", "1"),
                        ("Ord Risk Lvl", "2A"),
                    ],
                ),
                // OPEN in Sirius (a direction), and an Open one not migrated: neither reports.
                (
                    12,
                    &[
                        ("Case", "B"),
                        ("Order No", "5003"),
                        ("Made Date", "2024-01-01"),
                        ("Ord Stat", "Active"),
                        ("Ord Type", "43"),
                        ("Ord Risk Lvl", "1"),
                    ],
                ),
                (
                    13,
                    &[
                        ("Case", "B"),
                        ("Order No", "5004"),
                        ("Made Date", "2025-01-01"),
                        ("Ord Stat", "Open"),
                        ("Ord Type", "1"),
                        ("Ord Risk Lvl", "1"),
                    ],
                ),
                // Two made the same day: the later line; no Made Date ranks last.
                (
                    20,
                    &[
                        ("Case", "C"),
                        ("Order No", "6001"),
                        ("Made Date", "2021-05-05"),
                        ("Ord Stat", "Active"),
                        ("Ord Type", "2"),
                        ("Ord Risk Lvl", "1"),
                    ],
                ),
                (
                    21,
                    &[
                        ("Case", "C"),
                        ("Order No", "6002"),
                        ("Made Date", "05/05/2021"),
                        ("Ord Stat", "Active"),
                        ("Ord Type", "2"),
                        ("Ord Risk Lvl", "3"),
                    ],
                ),
                (
                    22,
                    &[
                        ("Case", "C"),
                        ("Order No", "6003"),
                        ("Made Date", ""),
                        ("Ord Stat", "Active"),
                        ("Ord Type", "2"),
                        ("Ord Risk Lvl", "2"),
                    ],
                ),
            ],
        )
        .await;
        // B has an active PA deputy (type 23, Stat 1); A a discharged professional one.
        table(
            &c,
            "casrec_csv.deputy",
            &["Deputy No", "Dep Type", "Stat"],
            &[
                (1, &[("Deputy No", "70"), ("Dep Type", "23"), ("Stat", "1")]),
                (2, &[("Deputy No", "71"), ("Dep Type", "21"), ("Stat", "99")]),
            ],
        )
        .await;
        table(
            &c,
            "casrec_csv.deputyship",
            &["Case", "Deputy No"],
            &[(1, &[("Case", "B"), ("Deputy No", "70")]), (2, &[("Case", "A"), ("Deputy No", "71")])],
        )
        .await;
        let d = "2024-01-01";
        table(
            &c,
            "casrec_csv.account",
            account_columns(),
            &[
                (101, &[("Case", "A"), ("End Date", "2026-11-01"), ("Rev Stat", "N")]),
                (
                    102,
                    &[
                        ("Case", "A"),
                        ("End Date", "2026-11-02"),
                        ("Rev Stat", "N"),
                        ("Further1", "8"),
                        ("Further Date1", "2026-11-05"),
                    ],
                ),
                (103, &[("Case", "A"), ("End Date", "2026-10-12"), ("Rev Stat", "N")]),
                (104, &[("Case", "A"), ("End Date", "2026-10-13"), ("Rev Stat", "N")]),
                (
                    105,
                    &[
                        ("Case", "A"),
                        ("End Date", "2026-07-23"),
                        ("Rev Stat", "N"),
                        ("Revise Date", d),
                        ("Further Code", "3"),
                        ("Followup Date", d),
                    ],
                ),
                (
                    106,
                    &[
                        ("Case", "A"),
                        ("End Date", "2026-07-24"),
                        ("Rev Stat", "N"),
                        ("Revise Date", d),
                        ("Further Code", "8"),
                        ("Sent1", d),
                        ("Further1", "99"),
                        ("Further2", " 1.0 "),
                        ("Further3", "2.5"),
                        ("Further Date4", "2026-08-01"),
                    ],
                ),
                (107, &[("Case", "A"), ("End Date", "2027-01-31"), ("Rev Stat", ""), ("Next Yr", "Y")]),
                (108, &[("Case", "A"), ("End Date", "31/01/2027"), ("Rev Stat", "X")]),
                (109, &[("Case", "A"), ("End Date", "2021-02-31"), ("Rev Stat", "N")]),
                (110, &[("Case", "A"), ("End Date", "2024-03-31"), ("Rev Stat", "N"), ("Lodge Date", "2024-04-20")]),
                (
                    111,
                    &[
                        ("Case", "A"),
                        ("End Date", "2024-06-30"),
                        ("Rev Stat", "M"),
                        ("Rcvd Date", "2024-07-10"),
                        ("Lodge Date", "2024-07-12"),
                        ("Further1", "8"),
                        ("Further2", "2"),
                        ("Further3", "0"),
                        ("Further4", "X"),
                        ("Further Date1", "2024-01-10"),
                        ("Further Date2", "2024-02-01"),
                        ("Further Date6.1", "2024-03-01"),
                        ("Rcvd Date1", "2024-02-15"),
                        ("Rcvd Date2", "2024-02-20"),
                    ],
                ),
                (
                    112,
                    &[
                        ("Case", "A"),
                        ("End Date", "2020-02-29"),
                        ("Rev Stat", "S"),
                        ("Rcvd Date", "2020-03-10"),
                        ("Lodge Date", "2020-03-12"),
                        ("Review Date", "2020-04-01"),
                        ("Further1", "1"),
                        ("Further2", ""),
                        ("Further Date3", "2020-05-01"),
                        ("Rcvd Date1", "2020-06-01"),
                        ("Rcvd Date3", "2020-06-01"),
                    ],
                ),
                (201, &[("Case", "B"), ("End Date", "2026-12-20"), ("Rev Stat", "R"), ("Rcvd Date", "2027-01-05")]),
                (401, &[("Case", "D"), ("End Date", "2026-06-30"), ("Rev Stat", "N")]),
            ],
        )
        .await;
        c.batch_execute(crate::rules::ORDERS_SQL).await.unwrap();
        c.batch_execute(REPORT_LOGS_SQL).await.unwrap();
        let logs = rows(&c, casrec_rows("annual_report_logs")).await;
        let mut keys: Vec<&String> = logs.keys().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "report:A:2020-02-29:1",
                "report:A:2024-03-31:1",
                "report:A:2024-06-30:1",
                "report:A:2026-07-23:1",
                "report:A:2026-07-24:1",
                "report:A:2026-10-12:1",
                "report:A:2026-10-13:1",
                "report:A:2026-11-01:1",
                "report:A:2026-11-02:1",
                "report:A:2027-01-31:1",
                "report:A:2027-01-31:2",
                "report:B:2026-12-20:1",
                "report_pending:B",
                "report_pending:C",
            ],
            "one log per account row with a date (two of one end numbered), one pending per Report Due no account \
             period ends; none out of scope"
        );
        let status = |k: &str| format!("{} {}", logs[k]["status"], logs[k]["reviewstatus"]);
        for (key, expected) in [
            ("report:A:2026-11-01:1", "DUE NO_REVIEW"),
            ("report:A:2026-11-02:1", "PENDING NO_REVIEW"),
            ("report:A:2026-10-12:1", "OVERDUE NO_REVIEW"),
            ("report:A:2026-10-13:1", "DUE NO_REVIEW"),
            ("report:A:2026-07-23:1", "NON_COMPLIANT NO_REVIEW"),
            ("report:A:2026-07-24:1", "OVERDUE NO_REVIEW"),
            ("report:A:2027-01-31:1", "PENDING STAFF_PRESELECTED"),
            ("report:A:2027-01-31:2", "ABANDONED NO_REVIEW"),
            ("report:A:2024-03-31:1", "LODGED NO_REVIEW"),
            ("report:A:2024-06-30:1", "NULL NULL"),
            ("report:A:2020-02-29:1", "LODGED REVIEWED"),
            ("report:B:2026-12-20:1", "DUE STAFF_REFERRED"),
            ("report_pending:B", "PENDING NO_REVIEW"),
        ] {
            assert_eq!(status(key), expected, "{key}");
        }
        let field = |k: &str, f: &str| logs[k][f].clone();
        // A lodge date alone is the received date; 29 February's year back is 1 March.
        assert_eq!(field("report:A:2024-03-31:1", "receiveddate"), "2024-04-20");
        assert_eq!(field("report:A:2020-02-29:1", "reportingperiodstartdate"), "2019-03-01");
        // A (no active PA/PRO deputy): 21 days on, to a working day. 2026-11-01 + 21 is Sunday.
        assert_eq!(field("report:A:2026-11-01:1", "duedate"), "2026-11-23");
        // B (active PA deputy): Sunday 20 December back to Friday 18th, plus 40 working days.
        assert_eq!(field("report:B:2026-12-20:1", "duedate"), "2027-02-17");
        assert_eq!(field("report_pending:B", "duedate"), "2027-05-27");
        assert_eq!(field("report_pending:B", "reportingperiodstartdate"), "2026-12-21");
        assert_eq!(field("report_pending:C", "reportingperiodstartdate"), "2025-07-01");
        assert_eq!(field("report_pending:C", "duedate"), "2026-07-21");
        assert_eq!(field("report_pending:B", "order_id"), "52");
        assert_eq!(field("report_pending:C", "order_id"), "62");
        assert_eq!(field("report:A:2026-11-01:1", "order_id"), "NULL");
        assert_eq!(field("report_pending:C", "client_id"), "13");

        c.batch_execute(
            r#"CREATE TABLE "integration"."annual_report_logs" AS
               SELECT CAST(row_number() OVER (ORDER BY "migration_key") + 900 AS integer) AS "id", "migration_key"
                 FROM "validation"."casrec_report_logs""#,
        )
        .await
        .unwrap();
        let types = rows(&c, casrec_rows("annual_report_type_assignments")).await;
        assert_eq!(types["report_type:report_pending:B"]["reporttype"], "OPG102");
        assert_eq!(types["report_type:report_pending:C"]["reporttype"], "OPG103");
        assert_eq!(types["report_type:report:A:2026-11-01:1"]["reporttype"], "NULL");
        assert_eq!(types.len(), 14);

        let lodging = rows(&c, casrec_rows("annual_report_lodging_details")).await;
        assert_eq!(lodging.len(), 12, "one per account log");
        let l = |k: &str, f: &str| lodging[&format!("lodging:report:A:{k}")][f].clone();
        for (key, expected) in [
            ("2024-03-31:1", "REFERRED_FOR_REVIEW"), // no received date: the logs' lodge default is not here
            ("2020-02-29:1", "REFERRED_FOR_REVIEW"),
            ("2026-11-01:1", "REFERRED_FOR_REVIEW"),
            ("2024-06-30:1", "NULL"),
            ("2026-07-23:1", "INCOMPLETE"),
            ("2026-07-24:1", "REFERRED_FOR_REVIEW"),
        ] {
            assert_eq!(l(key, "lodgedstatus"), expected, "{key}");
        }
        // Last code 2 (0 and X are none), latest further date 6.1, latest answer the second.
        assert_eq!(
            ["deadlinedate", "bankstatementdeadlinedate", "resubmitteddate", "bankstatementsreceived"]
                .map(|f| l("2024-06-30:1", f)),
            ["2024-03-01", "NULL", "2024-02-20", "NULL"]
        );
        // Code 1 at index 1, two answers the same day: the lower index is the latest.
        assert_eq!(
            ["deadlinedate", "bankstatementdeadlinedate", "resubmitteddate", "bankstatementsreceived"]
                .map(|f| l("2020-02-29:1", f)),
            ["NULL", "2020-05-01", "2020-06-01", "true"]
        );
        assert_eq!(
            ["deadlinedate", "bankstatementdeadlinedate", "resubmitteddate", "bankstatementsreceived"]
                .map(|f| l("2026-11-02:1", f)),
            ["NULL", "2026-11-05", "NULL", "false"]
        );
        assert_eq!(
            ["deadlinedate", "bankstatementdeadlinedate", "resubmitteddate", "bankstatementsreceived"]
                .map(|f| l("2026-07-24:1", f)),
            // The last code is 1: " 1.0 " is the integer 1, "2.5" none.
            ["NULL", "2026-08-01", "NULL", "false"]
        );

        let events = rows(&c, casrec_rows("scheduled_events")).await;
        assert_eq!(events.len(), 2);
        assert_eq!(events["report_event:B"]["dueby"], "2028-03-30T00:00:00");
        let event: serde_json::Value = serde_json::from_str(&events["report_event:B"]["event"]).unwrap();
        let log_id = c
            .query_one(
                r#"SELECT "id" FROM "integration"."annual_report_logs" WHERE "migration_key" = 'report_pending:B'"#,
                &[],
            )
            .await
            .unwrap()
            .get::<_, i32>(0);
        assert_eq!(
            event,
            serde_json::json!({
                "class": "Opg\\Core\\Model\\Event\\DeputyshipReporting\\ScheduledReportingPeriodEndDate",
                "payload": {"clientId": 12, "reportingPeriodId": log_id, "endDate": "2028-03-31T00:00:00+00:00"}
            })
        );
    }
}
