//! Where every CasRec row went, file by file, read from the tables each step left (never from
//! the transform's code): rejected at load, migrated by some target, left out with a bad value
//! (quarantined), excluded with a reason, an orphan (its case is not in `pat`), of a case out of
//! scope, or not migrated by this build. A row counts once, in that order: a `pat` row whose
//! client was migrated but whose phone number was excluded is migrated.
//!
//! Three kinds of row not carried through are told apart, because they ask different things of
//! the reader: **excluded by a rule** (the mapping working as designed; the rules are listed),
//! **quarantined** (an orphan, a migrated row with a value that could not be transformed and
//! went on with its fallback, `transform.exceptions`, or a row a target left out because of
//! such a value — excluded, and an exception of the same target: a person must look) and
//! **rejected at load** (a bad line).

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
    /// Rows no target migrated that a target left out because a value could not be transformed:
    /// excluded by it (`transform.quarantine`) with an exception of the same target
    /// (`transform.exceptions`), e.g. a bond whose provider cannot be named (quarantined).
    pub held_back: i64,
    /// Rows no target migrated, left out by a rule (and by no target for a bad value).
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
    /// Rows a person must look at: orphans, migrated rows with a bad value and rows left out for
    /// one.
    pub fn quarantined(&self) -> i64 {
        self.orphans + self.bad_values + self.held_back
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
                    "bad_of" AS (SELECT DISTINCT "target", "casrec_row_id" FROM "transform"."exceptions" WHERE "source_table" = $1),
                    -- Left out by a target that recorded one of the row's values: quarantined.
                    "held" AS (SELECT DISTINCT q."casrec_row_id" FROM "transform"."quarantine" q
                                 JOIN "bad_of" b ON b."target" = q."target" AND b."casrec_row_id" = q."casrec_row_id"
                                WHERE q."source_table" = $1),
                    "exc" AS (SELECT DISTINCT "casrec_row_id" FROM "transform"."quarantine" WHERE "source_table" = $1),
                    "orph" AS (SELECT DISTINCT "line" AS "casrec_row_id" FROM "scope"."orphans" WHERE "file" = $2),
                    "bad" AS (SELECT DISTINCT "casrec_row_id" FROM "transform"."exceptions" WHERE "source_table" = $1)
               SELECT count(*),
                      count(*) FILTER (WHERE "mig"),
                      count(*) FILTER (WHERE NOT "mig" AND NOT "held" AND "exc"),
                      count(*) FILTER (WHERE NOT "mig" AND NOT "exc" AND "orph"),
                      count(*) FILTER (WHERE NOT "mig" AND NOT "exc" AND NOT "orph" AND "oos"),
                      count(*) FILTER (WHERE NOT "mig" AND NOT "exc" AND NOT "orph" AND NOT "oos"),
                      count(*) FILTER (WHERE "mig" AND "bad"),
                      count(*) FILTER (WHERE NOT "mig" AND "held")
                 FROM (SELECT m."casrec_row_id" IS NOT NULL AS "mig", e."casrec_row_id" IS NOT NULL AS "exc",
                              h."casrec_row_id" IS NOT NULL AS "held",
                              o."casrec_row_id" IS NOT NULL AS "orph", {oos} AS "oos",
                              b."casrec_row_id" IS NOT NULL AS "bad"
                         FROM "casrec_csv".{t} t
                         LEFT JOIN "mig" m ON m."casrec_row_id" = t."casrec_row_id"
                         LEFT JOIN "exc" e ON e."casrec_row_id" = t."casrec_row_id"
                         LEFT JOIN "held" h ON h."casrec_row_id" = t."casrec_row_id"
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
            held_back: r.get(7),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row of a file counted once: a row a target left out with an exception of its own is
    /// quarantined (held back), one left out by a rule excluded, even when another target
    /// recorded a value of it; a migrated row with an exception stays migrated, with a bad value.
    #[tokio::test]
    async fn a_row_left_out_with_an_exception_of_the_same_target_is_quarantined_once() {
        let db = testkit::TestDb::create("vacct").await;
        let m = db.client().await;
        m.batch_execute(
            r#"CREATE SCHEMA "casrec_csv"; CREATE SCHEMA "transform"; CREATE SCHEMA "scope";
               CREATE TABLE "casrec_csv"."load_summary" ("file" text, "table_name" text, "rows_read" bigint,
                 "rows_rejected" bigint, "lines_read" bigint, "lines_loaded" bigint, "lines_rejected" bigint,
                 "blank_lines" bigint);
               INSERT INTO "casrec_csv"."load_summary" VALUES ('order.csv', 'order', 8, 0, 8, 8, 0, 0);
               CREATE TABLE "casrec_csv"."order" ("casrec_row_id" bigint, "Case" text);
               INSERT INTO "casrec_csv"."order" VALUES (1, 'A'), (2, 'A'), (3, 'A'), (4, 'A'), (5, 'A'), (6, 'X'),
                 (7, 'B'), (8, 'A');
               CREATE TABLE "transform"."built_targets" ("target" text, "source_table" text, "rows_table" text);
               INSERT INTO "transform"."built_targets" VALUES ('cases', 'order', 'cases'),
                 ('bonds_active', 'order', 'bonds'), ('bonds_dispensed', 'order', 'bonds');
               CREATE TABLE "transform"."cases" ("casrec_row_id" bigint, "casrec_target" text);
               INSERT INTO "transform"."cases" VALUES (1, 'cases'), (2, 'cases');
               CREATE TABLE "transform"."bonds" ("casrec_row_id" bigint, "casrec_target" text);
               CREATE TABLE "transform"."quarantine" ("target" text, "source_table" text, "casrec_row_id" bigint,
                 "reason" text);
               INSERT INTO "transform"."quarantine" VALUES
                 ('bonds_active', 'order', 2, 'Bond Co is not a bond provider code: quarantined'),
                 ('cases', 'order', 3, 'order still Open'), ('bonds_active', 'order', 3, 'its order was not migrated'),
                 ('bonds_active', 'order', 4, 'Bond Co is not a bond provider code: quarantined'),
                 ('bonds_dispensed', 'order', 4, 'its order was not migrated'),
                 ('bonds_active', 'order', 5, 'its order was not migrated');
               CREATE TABLE "transform"."exceptions" ("target" text, "source_table" text, "casrec_row_id" bigint,
                 "column" text, "value" text, "reason" text);
               INSERT INTO "transform"."exceptions" VALUES
                 ('bonds_active', 'order', 2, 'Bond Co', '99', 'unknown'),
                 ('bonds_active', 'order', 4, 'Bond Co', '99', 'unknown'),
                 ('bonds_active', 'order', 4, 'Bond Amount', 'x', 'not a number'),
                 ('cases', 'order', 5, 'Made Date', 'x', 'not a date');
               CREATE TABLE "scope"."orphans" ("file" text, "line" bigint, "case_no" text);
               INSERT INTO "scope"."orphans" VALUES ('order.csv', 6, 'X');
               CREATE TABLE "scope"."cases" ("case_no" text, "in_scope" boolean);
               INSERT INTO "scope"."cases" VALUES ('A', true), ('B', false);"#,
        )
        .await
        .unwrap();
        let files = by_file(&m).await.unwrap();
        let f = &files[0];
        assert_eq!(
            (f.migrated, f.bad_values, f.held_back, f.excluded, f.orphans, f.out_of_scope, f.not_migrated),
            (2, 1, 1, 2, 1, 1, 1),
            "{f:?}"
        );
        assert_eq!(f.quarantined(), 3, "row 2 (migrated, a bad bond), row 4 (held back) and the orphan");
        assert_eq!(
            f.migrated + f.excluded + f.held_back + f.orphans + f.out_of_scope + f.not_migrated,
            f.loaded,
            "every row counted once: {f:?}"
        );
    }
}
