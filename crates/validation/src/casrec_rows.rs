//! Field by field against CasRec itself: for the tables that have `sql/casrec_rows/<table>.sql`,
//! the rows CasRec says Sirius should hold are recomputed from `casrec_csv` and the scope with
//! the mapping's rules written again in plain SQL (never the transform's code), and compared
//! column by column with the rows Sirius holds under the ids integration gave them. The
//! comparison with integration's own rows (in `lib.rs`) catches load mistakes; this one catches
//! the transform's. Differences are kept in `validation.casrec_exceptions_<table>`.

use migration_core::db::quote_ident;
use migration_core::registry::SiriusTable;
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
];

/// Compares, for every table this run migrated that has its CasRec rows written here. Needs
/// `validation.sirius_<table>` (key = id as text, or a link's pair as `a:b`; doc = the Sirius row
/// as JSON).
pub async fn compare(
    m: &Client,
    s: &Client,
    tables: &[&SiriusTable],
    checks: &mut Vec<Check>,
    diffs: &mut Vec<crate::differences::ColumnDifference>,
) -> Result<(), ValidationError> {
    for (table, sql) in CASREC_ROWS {
        let Some(entry) = tables.iter().find(|t| t.name == *table) else { continue };
        // The row's key in validation.sirius_<table>, built as lib.rs builds it.
        let key = entry
            .key_columns()
            .iter()
            .map(|k| format!("CAST(i.{} AS text)", quote_ident(k)))
            .collect::<Vec<_>>()
            .join(" || ':' || ");
        let t = quote_ident(table);
        let expected = quote_ident(&format!("casrec_{table}"));
        let exceptions = quote_ident(&format!("casrec_exceptions_{table}"));
        m.batch_execute(&format!(
            "CREATE TABLE \"validation\".{expected} AS {sql}; ANALYZE \"validation\".{expected};"
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
        let mut pairs = Vec::new();
        for c in &ours {
            let ty = sirius.iter().find(|(n, _)| n == c).map(|(_, ty)| ty.clone()).ok_or_else(|| {
                ValidationError::Definition {
                    file: format!("sql/casrec_rows/{table}.sql"),
                    message: format!("column {c} is not a column of Sirius's {table}"),
                }
            })?;
            pairs.push(format!("'{c}', CAST(e.{} AS {ty})", quote_ident(c)));
        }
        m.batch_execute(&format!(
            "CREATE TABLE \"validation\".{exceptions} AS
             SELECT e.\"migration_key\", jsonb_build_object({pairs}) AS \"expected\", a.\"doc\" AS \"actual\",
                    CASE WHEN i.\"migration_key\" IS NULL THEN 'not migrated'
                         WHEN a.\"key\" IS NULL THEN 'missing from Sirius'
                         ELSE 'values differ' END AS \"problem\"
               FROM \"validation\".{expected} e
               LEFT JOIN \"integration\".{t} i ON i.\"migration_key\" = e.\"migration_key\"
               LEFT JOIN \"validation\".{sirius} a ON a.\"key\" = {key}
              WHERE (a.\"key\" IS NULL OR NOT (jsonb_build_object({pairs}) <@ a.\"doc\"))
                AND NOT EXISTS (SELECT 1 FROM \"validation\".\"kept_edits\" k
                                 WHERE k.\"table_name\" = '{table}' AND CAST(k.\"id\" AS text) = {key})
             UNION ALL
             SELECT i.\"migration_key\", NULL, NULL, 'migrated, but CasRec has no such row'
               FROM \"integration\".{t} i
              WHERE NOT EXISTS (SELECT 1 FROM \"validation\".{expected} e WHERE e.\"migration_key\" = i.\"migration_key\")",
            pairs = pairs.join(", "),
            sirius = quote_ident(&format!("sirius_{table}")),
        ))
        .await
        .map_err(db_err(format!("comparing {table} with casrec_csv")))?;
        let rows = one(m, &format!("SELECT count(*) FROM \"validation\".{expected}"), "counting CasRec's rows").await?;
        let differing =
            one(m, &format!("SELECT count(*) FROM \"validation\".{exceptions}"), "counting differences").await?;
        checks.push(Check::counts(
            table,
            "rows that differ from CasRec (recomputed from casrec_csv)",
            0,
            differing,
            format!(
                "{rows} rows recomputed; each in validation.casrec_exceptions_{table}, each column that differs in validation.differences_casrec_{table}"
            ),
        ));
        diffs.extend(
            crate::differences::split(
                m,
                &format!("casrec_exceptions_{table}"),
                "migration_key",
                &format!("casrec_{table}"),
            )
            .await?,
        );
    }
    Ok(())
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
}
