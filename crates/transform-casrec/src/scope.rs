//! Which cases a run migrates, decided once per run: `scope.cases(case_no, in_scope, reason)`
//! for every case in `pat`, and `scope.orphans(file, line, case_no)` for rows of child files
//! whose case is not in `pat`. The raw `casrec_csv` tables are never modified; every target
//! joins to `scope.cases`, so a change of scope needs no reload.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use migration_core::config::{ScopeSettings, CONDITIONAL_CORREFS};
use migration_core::db::quote_ident;
use migration_core::pgcopy::RowEncoder;
use tokio_postgres::Client;

use crate::functions::parse_casrec_date;
use crate::TransformError;

const SCHEMA_SQL: &str = include_str!("sql/scope_schema.sql");
const PILOT_SQL: &str = include_str!("sql/pilot_cases.sql");

/// Order types that make a conditional corref's case migratable.
const QUALIFYING_ORDER_TYPES: [&str; 4] = ["1", "2", "40", "41"];

pub const IN_SCOPE: &str = "in scope";

/// The decision for one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseScope {
    pub case_no: String,
    pub in_scope: bool,
    pub reason: String,
    pub lay_team: String,
    pub corref: String,
    pub casrec_row_id: i64,
}

/// An Away Date that is not a date: the case is decided without it, and the value is recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopeException {
    pub case_no: String,
    pub casrec_row_id: i64,
    pub value: String,
    pub reason: String,
}

/// One pat row's scope-relevant values.
#[derive(Debug, Clone)]
pub struct PatRow {
    pub casrec_row_id: i64,
    pub case_no: String,
    pub lay_team: String,
    pub corref: String,
    pub away_date: String,
}

/// The rule, as a pure function, so tests can check it apart from the database.
pub fn decide(
    rows: &[PatRow],
    qualifying_cases: &BTreeSet<String>,
    pilot_cases: &BTreeSet<String>,
    settings: &ScopeSettings,
    as_of: NaiveDate,
) -> Result<(Vec<CaseScope>, Vec<ScopeException>), TransformError> {
    let lay_team = settings.lay_team()?.map(|n| format!("T{n}"));
    let correfs = settings.correfs()?;
    let cutoff = as_of
        .with_year(as_of.year() - settings.put_away_years as i32)
        .unwrap_or_else(|| as_of - chrono::Duration::days(365 * settings.put_away_years as i64));
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let mut exceptions = Vec::new();
    for r in rows {
        // A repeated case number is decided once, by its first row; the transform quarantines the rest.
        if !seen.insert(r.case_no.clone()) {
            continue;
        }
        let corref = r.corref.trim().to_ascii_uppercase();
        let away = match parse_casrec_date(Some(r.away_date.as_str())) {
            Ok(d) => d,
            Err(e) => {
                exceptions.push(ScopeException {
                    case_no: r.case_no.clone(),
                    casrec_row_id: r.casrec_row_id,
                    value: r.away_date.clone(),
                    reason: format!("Away Date: {}; the put-away rule is not applied to this case", e.reason),
                });
                None
            }
        };
        let reason = if r.case_no.trim().is_empty() {
            Some("no case number".to_string())
        } else if settings.exclude_pilot && pilot_cases.contains(&r.case_no) {
            Some("pilot: already in Sirius as CLIENT-PILOT-ONE".to_string())
        } else if away.is_some_and(|d| d < cutoff) {
            Some(format!("put away: Away Date before {cutoff}"))
        } else if lay_team.as_ref().is_some_and(|t| r.lay_team.trim() != t) {
            Some(format!("lay team: {:?} is not {}", r.lay_team.trim(), lay_team.as_deref().unwrap_or("")))
        } else if correfs.as_ref().is_some_and(|list| !list.contains(&corref)) {
            Some(format!("corref: {corref:?} is not in the list"))
        } else if correfs.is_some()
            && CONDITIONAL_CORREFS.contains(&corref.as_str())
            && !qualifying_cases.contains(&r.case_no)
        {
            Some(format!("corref condition: {corref} needs a deputyship on an order of type 1, 2, 40 or 41"))
        } else {
            None
        };
        out.push(CaseScope {
            case_no: r.case_no.clone(),
            in_scope: reason.is_none(),
            reason: reason.unwrap_or_else(|| IN_SCOPE.to_string()),
            lay_team: r.lay_team.trim().to_string(),
            corref,
            casrec_row_id: r.casrec_row_id,
        });
    }
    Ok((out, exceptions))
}

fn db_err(context: &'static str) -> impl FnOnce(tokio_postgres::Error) -> TransformError {
    move |source| TransformError::Db { context: context.to_string(), source }
}

/// Computes and stores `scope.cases` and `scope.orphans`; returns (in scope, out of scope, orphans).
pub async fn compute(
    migration: &mut Client,
    pilot_cases: &BTreeSet<String>,
    settings: &ScopeSettings,
    as_of: NaiveDate,
) -> Result<(u64, u64, u64), TransformError> {
    let rows: Vec<PatRow> = migration
        .query(
            r#"SELECT "casrec_row_id", "Case", "Lay Team", "Corref", "Away Date" FROM "casrec_csv"."pat" ORDER BY "casrec_row_id""#,
            &[],
        )
        .await
        .map_err(db_err("reading pat for the case scope"))?
        .iter()
        .map(|r| PatRow {
            casrec_row_id: r.get(0),
            case_no: r.get::<_, Option<String>>(1).unwrap_or_default(),
            lay_team: r.get::<_, Option<String>>(2).unwrap_or_default(),
            corref: r.get::<_, Option<String>>(3).unwrap_or_default(),
            away_date: r.get::<_, Option<String>>(4).unwrap_or_default(),
        })
        .collect();
    let qualifying: BTreeSet<String> = migration
        .query(
            r#"SELECT DISTINCT ds."Case" FROM "casrec_csv"."deputyship" ds
                 JOIN "casrec_csv"."order" o ON o."Order No" = ds."Order No"
                WHERE o."Ord Type" = ANY($1)"#,
            &[&QUALIFYING_ORDER_TYPES.iter().map(|s| s.to_string()).collect::<Vec<_>>()],
        )
        .await
        .map_err(db_err("reading deputyships for conditional correfs"))?
        .iter()
        .map(|r| r.get(0))
        .collect();
    let (decided, bad_dates) = decide(&rows, &qualifying, pilot_cases, settings, as_of)?;

    let tx = migration.transaction().await.map_err(db_err("starting the scope transaction"))?;
    tx.batch_execute(SCHEMA_SQL).await.map_err(db_err("creating scope.cases"))?;
    let mut enc = RowEncoder::new();
    for c in &decided {
        enc.begin_row(6);
        enc.bytes(c.case_no.as_bytes());
        enc.buf.extend_from_slice(&1i32.to_be_bytes());
        enc.buf.extend_from_slice(&[c.in_scope as u8]);
        enc.bytes(c.reason.as_bytes());
        enc.bytes(c.lay_team.as_bytes());
        enc.bytes(c.corref.as_bytes());
        enc.int8(c.casrec_row_id);
    }
    migration_core::pgcopy::copy_rows(
        tx.client(),
        r#""scope"."cases" ("case_no", "in_scope", "reason", "lay_team", "corref", "casrec_row_id")"#,
        enc,
    )
    .await?;
    // Every later step joins the scope to the export: statistics first, or PostgreSQL guesses.
    tx.batch_execute(r#"ANALYZE "scope"."cases""#).await.map_err(db_err("analysing the scope"))?;

    // Rows of child files whose case is not in pat: reported, never silently kept or dropped.
    for f in casrec_catalog::FILES {
        if f.table == "pat" || !f.has_column("Case") {
            continue;
        }
        let table = format!("\"casrec_csv\".{}", quote_ident(f.table));
        tx.execute(
            &format!(
                r#"INSERT INTO "scope"."orphans" ("file", "line", "case_no")
                   SELECT $1, t."casrec_row_id", t."Case" FROM {table} t
                    WHERE NOT EXISTS (SELECT 1 FROM "scope"."cases" c WHERE c."case_no" = t."Case")"#
            ),
            &[&f.file],
        )
        .await
        .map_err(db_err("recording orphan rows"))?;
    }
    for e in &bad_dates {
        tx.execute(
            r#"INSERT INTO "scope"."exceptions" ("case_no", "casrec_row_id", "column", "value", "reason") VALUES ($1, $2, 'Away Date', $3, $4)"#,
            &[&e.case_no, &e.casrec_row_id, &e.value, &e.reason],
        )
        .await
        .map_err(db_err("recording scope exceptions"))?;
    }
    let orphans: i64 = tx
        .query_one(r#"SELECT count(*) FROM "scope"."orphans""#, &[])
        .await
        .map_err(db_err("counting orphans"))?
        .get(0);
    tx.commit().await.map_err(db_err("committing the scope"))?;
    let inside = decided.iter().filter(|c| c.in_scope).count() as u64;
    Ok((inside, decided.len() as u64 - inside, orphans as u64))
}

/// Case numbers Sirius already holds as pilot cases, leaving out the persons this migration
/// loaded itself (`own_person_ids`).
pub async fn pilot_cases(sirius: &Client, own_person_ids: &[i64]) -> Result<BTreeSet<String>, TransformError> {
    Ok(sirius
        .query(PILOT_SQL, &[&own_person_ids])
        .await
        .map_err(db_err("reading pilot cases from Sirius"))?
        .iter()
        .filter_map(|r| r.get::<_, Option<String>>(0))
        .collect())
}

/// Ids of the Sirius persons earlier runs of this migration loaded (and did not roll back).
pub async fn own_person_ids(migration: &Client) -> Result<Vec<i64>, TransformError> {
    let exists: bool = migration
        .query_one("SELECT to_regclass('\"migration\".\"loaded_rows\"') IS NOT NULL", &[])
        .await
        .map_err(db_err("looking for migration.loaded_rows"))?
        .get(0);
    if !exists {
        return Ok(Vec::new());
    }
    Ok(migration
        .query(
            r#"SELECT DISTINCT "id" FROM "migration"."loaded_rows" WHERE "table_name" = 'persons' AND NOT "rolled_back" AND "id" IS NOT NULL"#,
            &[],
        )
        .await
        .map_err(db_err("reading the persons earlier runs loaded"))?
        .iter()
        .map(|r| r.get(0))
        .collect())
}

/// Counts per reason, for `migrate scope show` and the step's ledger details.
pub async fn summary(migration: &Client) -> Result<BTreeMap<String, i64>, TransformError> {
    Ok(migration
        .query(r#"SELECT "reason", count(*) FROM "scope"."cases" GROUP BY 1 ORDER BY 1"#, &[])
        .await
        .map_err(db_err("reading scope.cases"))?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(lay: &str, correfs: &str) -> ScopeSettings {
        ScopeSettings { lay_team: lay.into(), correfs: correfs.into(), exclude_pilot: true, put_away_years: 7 }
    }

    fn row(id: i64, case: &str, lay: &str, corref: &str, away: &str) -> PatRow {
        PatRow {
            casrec_row_id: id,
            case_no: case.into(),
            lay_team: lay.into(),
            corref: corref.into(),
            away_date: away.into(),
        }
    }

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
    }

    #[test]
    fn each_rule_excludes_with_its_reason_and_the_first_rule_wins() {
        let rows = vec![
            row(2, "1", "T1", "L2", ""),
            row(3, "2", "T2", "L2", ""),
            row(4, "3", "T1", "ZZ", ""),
            row(5, "4", "T1", "NEW", ""),
            row(6, "5", "T1", "NEW", ""),
            row(7, "6", "T1", "L2", "2019-10-31 00:00:00"),
            row(8, "7", "T1", "L2", "2019-11-01 00:00:00"),
            row(9, "8", "T1", "L2", ""),
            row(10, "1", "T1", "L2", ""),
        ];
        let qualifying = BTreeSet::from(["5".to_string()]);
        let pilots = BTreeSet::from(["8".to_string()]);
        let (got, _) = decide(&rows, &qualifying, &pilots, &settings("1", "L2,NEW"), as_of()).unwrap();
        let reasons: Vec<(&str, bool, &str)> =
            got.iter().map(|c| (c.case_no.as_str(), c.in_scope, c.reason.split(':').next().unwrap())).collect();
        assert_eq!(
            reasons,
            vec![
                ("1", true, "in scope"),
                ("2", false, "lay team"),
                ("3", false, "corref"),
                ("4", false, "corref condition"),
                ("5", true, "in scope"),
                ("6", false, "put away"),
                ("7", true, "in scope"),
                ("8", false, "pilot"),
            ],
            "case 1 appears once, decided by its first row"
        );
    }

    #[test]
    fn all_means_no_lay_team_or_corref_filter_and_no_corref_condition() {
        let rows = vec![row(2, "1", "", "NEW", ""), row(3, "2", "T9", "XYZ", "")];
        let (got, _) = decide(&rows, &BTreeSet::new(), &BTreeSet::new(), &settings("all", "all"), as_of()).unwrap();
        assert!(got.iter().all(|c| c.in_scope), "{got:?}");
    }

    #[test]
    fn an_unparseable_away_date_does_not_exclude_and_is_recorded() {
        let rows = vec![row(2, "1", "T1", "L2", "2010-02-31 00:00:00")];
        let (got, bad) = decide(&rows, &BTreeSet::new(), &BTreeSet::new(), &settings("all", "all"), as_of()).unwrap();
        assert!(got[0].in_scope);
        assert_eq!(bad.len(), 1);
        assert_eq!((bad[0].casrec_row_id, bad[0].value.as_str()), (2, "2010-02-31 00:00:00"));
    }
}
