//! Where every CasRec row went, file by file, read from the tables each step left (never from
//! the transform's code): rejected at load, migrated by some target, excluded with a reason,
//! an orphan (its case is not in `pat`), of a case out of scope, or not migrated by this build.
//! A row counts once, in that order: a `pat` row whose client was migrated but whose phone
//! number was excluded is migrated.
//!
//! Three kinds of row not carried through are told apart, because they ask different things of
//! the reader: **excluded by a rule** (the mapping working as designed; the rules are listed),
//! **quarantined** (an orphan, or a migrated row with a value that could not be transformed and
//! went on with its fallback, `transform.exceptions`: a person must look) and **rejected at
//! load** (a bad line).

use migration_core::db::quote_ident;
use tokio_postgres::Client;

use crate::{db_err, ValidationError};

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FileRows {
    pub file: String,
    pub table: String,
    pub read: i64,
    pub rejected: i64,
    /// Physical lines of the file (header aside): those of loaded records, of rejected records,
    /// and blank ones. NULL for a load from before lines were counted.
    pub lines: Option<i64>,
    pub lines_loaded: Option<i64>,
    pub lines_rejected: Option<i64>,
    pub blank_lines: i64,
    /// Rows in `casrec_csv` now (read − rejected when nothing changed them since the load).
    pub loaded: i64,
    pub migrated: i64,
    /// Of the migrated rows, those with a value in `transform.exceptions` (quarantined).
    pub bad_values: i64,
    pub excluded: i64,
    /// The rules that excluded rows of this file, `target: rule`, with their rows (a row one
    /// target excludes may be migrated by another, so these can exceed `excluded`).
    pub rules: Vec<(String, i64)>,
    pub orphans: i64,
    pub out_of_scope: i64,
    pub not_migrated: i64,
    /// Why the `not_migrated` rows were not, in this build.
    pub why: String,
}

impl FileRows {
    /// Rows a person must look at: orphans and migrated rows with a bad value.
    pub fn quarantined(&self) -> i64 {
        self.orphans + self.bad_values
    }

    /// The rules as one cell of the report.
    pub fn rules_text(&self) -> String {
        self.rules.iter().map(|(rule, n)| format!("{rule} ({n})")).collect::<Vec<_>>().join("; ")
    }
}

pub const NO_TARGET: &str = "no target reads this file in this build";
pub const NOT_TAKEN: &str = "no target takes these rows (not linked to a migrated record)";

/// One line per loaded file.
pub async fn by_file(m: &Client) -> Result<Vec<FileRows>, ValidationError> {
    let files = m
        .query(
            r#"SELECT "file", "table_name", "rows_read", "rows_rejected", "lines_read", "lines_loaded", "lines_rejected", "blank_lines"
                 FROM "casrec_csv"."load_summary" ORDER BY "file""#,
            &[],
        )
        .await
        .map_err(db_err("reading casrec_csv.load_summary"))?;
    let targets: Vec<(String, String, String)> = m
        .query(r#"SELECT "target", "source_table", "rows_table" FROM "transform"."built_targets" ORDER BY 1"#, &[])
        .await
        .map_err(db_err("reading transform.built_targets"))?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    let mut out = Vec::new();
    for f in files {
        let (file, table): (String, String) = (f.get(0), f.get(1));
        let has_case: bool = m
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM information_schema.columns
                  WHERE table_schema = 'casrec_csv' AND table_name = $1 AND column_name = 'Case')",
                &[&table],
            )
            .await
            .map_err(db_err(format!("reading the columns of casrec_csv.{table}")))?
            .get(0);
        let reading: Vec<String> = targets
            .iter()
            .filter(|(_, source, _)| *source == table)
            .map(|(target, _, rows)| {
                format!(
                    "SELECT \"casrec_row_id\" FROM \"transform\".{} WHERE \"casrec_target\" = '{}'",
                    quote_ident(rows),
                    target.replace('\'', "''")
                )
            })
            .collect();
        // Joins to distinct sets rather than IN (subquery): a subquery too big for work_mem is
        // rescanned for every row.
        let migrated = if reading.is_empty() {
            "SELECT NULL::bigint AS \"casrec_row_id\" WHERE false".to_string()
        } else {
            reading.join(" UNION ")
        };
        let (scope_join, oos) = if has_case {
            (
                r#"LEFT JOIN (SELECT DISTINCT "case_no" FROM "scope"."cases" WHERE NOT "in_scope") s ON s."case_no" = t."Case""#,
                r#"s."case_no" IS NOT NULL"#,
            )
        } else {
            ("", "false")
        };
        let sql = format!(
            r#"WITH "mig" AS (SELECT DISTINCT "casrec_row_id" FROM ({migrated}) x),
                    "exc" AS (SELECT DISTINCT "casrec_row_id" FROM "transform"."quarantine" WHERE "source_table" = $1),
                    "orph" AS (SELECT DISTINCT "line" AS "casrec_row_id" FROM "scope"."orphans" WHERE "file" = $2),
                    "bad" AS (SELECT DISTINCT "casrec_row_id" FROM "transform"."exceptions" WHERE "source_table" = $1)
               SELECT count(*),
                      count(*) FILTER (WHERE "mig"),
                      count(*) FILTER (WHERE NOT "mig" AND "exc"),
                      count(*) FILTER (WHERE NOT "mig" AND NOT "exc" AND "orph"),
                      count(*) FILTER (WHERE NOT "mig" AND NOT "exc" AND NOT "orph" AND "oos"),
                      count(*) FILTER (WHERE NOT "mig" AND NOT "exc" AND NOT "orph" AND NOT "oos"),
                      count(*) FILTER (WHERE "mig" AND "bad")
                 FROM (SELECT m."casrec_row_id" IS NOT NULL AS "mig", e."casrec_row_id" IS NOT NULL AS "exc",
                              o."casrec_row_id" IS NOT NULL AS "orph", {oos} AS "oos",
                              b."casrec_row_id" IS NOT NULL AS "bad"
                         FROM "casrec_csv".{t} t
                         LEFT JOIN "mig" m ON m."casrec_row_id" = t."casrec_row_id"
                         LEFT JOIN "exc" e ON e."casrec_row_id" = t."casrec_row_id"
                         LEFT JOIN "orph" o ON o."casrec_row_id" = t."casrec_row_id"
                         LEFT JOIN "bad" b ON b."casrec_row_id" = t."casrec_row_id"
                         {scope_join}) r"#,
            t = quote_ident(&table)
        );
        let r = m.query_one(&sql, &[&table, &file]).await.map_err(db_err(format!("accounting for {file}")))?;
        let not_migrated: i64 = r.get(5);
        let mut rules: std::collections::BTreeMap<String, i64> = Default::default();
        for q in m
            .query(include_str!("sql/exclusion_rules.sql"), &[&table])
            .await
            .map_err(db_err(format!("reading the exclusion rules of {file}")))?
        {
            let (target, reason, n): (String, String, i64) = (q.get(0), q.get(1), q.get(2));
            *rules.entry(format!("{target}: {}", migration_core::ledger::rule_of(&reason))).or_default() += n;
        }
        let mut rules: Vec<(String, i64)> = rules.into_iter().collect();
        rules.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out.push(FileRows {
            file,
            read: f.get(2),
            rejected: f.get(3),
            lines: f.get(4),
            lines_loaded: f.get(5),
            lines_rejected: f.get(6),
            blank_lines: f.get(7),
            loaded: r.get(0),
            migrated: r.get(1),
            bad_values: r.get(6),
            excluded: r.get(2),
            rules,
            orphans: r.get(3),
            out_of_scope: r.get(4),
            not_migrated,
            why: match (not_migrated, reading.is_empty()) {
                (0, _) => String::new(),
                (_, true) => NO_TARGET.into(),
                (_, false) => NOT_TAKEN.into(),
            },
            table,
        });
    }
    Ok(out)
}
