//! The business rules checked against CasRec itself: each client's status and fee payer are
//! recomputed from `casrec_csv` and the scope (`sql/rules/*.sql`, the decision tables written
//! again in plain SQL, never integration's rule tables) and compared with what Sirius holds.
//! Every client where they disagree is listed in `validation.rule_exceptions_<rule>`; the
//! report shows, per decision, how many clients integration gave it and how many CasRec says.

use tokio_postgres::Client;

use crate::{db_err, one, Check, ValidationError};

/// The migrated orders as validation reads them from the export (`validation.casrec_orders`),
/// created first (lib.rs), since the expected counts read them too.
pub(crate) const ORDERS_SQL: &str = include_str!("sql/rules/migrated_orders.sql");
const CLIENT_STATUS_SQL: &str = include_str!("sql/rules/client_status.sql");
const FEE_PAYER_SQL: &str = include_str!("sql/rules/deputy_fee_payer.sql");

/// One line of the report's business-rules table.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct RuleRow {
    pub rule: String,
    pub decision: String,
    /// Clients integration's rule gave this decision (its `integration.<…>_decisions`).
    pub integration: i64,
    /// Clients CasRec says should get it (validation's recomputation).
    pub casrec: i64,
}

/// Needs `validation.sirius_persons` (the Sirius rows of the migrated persons) and the CasRec
/// functions of `casrec_rows`. Skipped, with no check, when the run migrated no persons.
pub async fn compare(m: &Client, checks: &mut Vec<Check>) -> Result<Vec<RuleRow>, ValidationError> {
    // A view since validation compares by digest, so not in pg_tables.
    let have = one(
        m,
        r#"SELECT count(*) FROM (SELECT to_regclass('"validation"."sirius_persons"') r) t WHERE r IS NOT NULL"#,
        "",
    )
    .await?;
    if have == 0 {
        return Ok(Vec::new());
    }
    for (sql, file) in [(CLIENT_STATUS_SQL, "client_status"), (FEE_PAYER_SQL, "deputy_fee_payer")] {
        m.batch_execute(sql).await.map_err(db_err(format!("recomputing from casrec_csv (sql/rules/{file}.sql)")))?;
    }
    // The two columns the rules decide, as Sirius holds them (not the whole rows' JSON).
    let held =
        crate::sirius_rows::columns_as_held("persons", "CAST(i.\"id\" AS text)", &["clientstatus", "feepayer_id"]);
    m.batch_execute(&format!(
        r#"CREATE TABLE "validation"."rule_exceptions_client_status" AS
           SELECT e."case_no", e."rule" AS "casrec_rule", e."clientstatus" AS "casrec_status",
                  a."clientstatus" AS "sirius_status",
                  CASE WHEN a."key" IS NULL THEN 'client not in Sirius' ELSE 'status differs' END AS "problem"
             FROM "validation"."casrec_client_status" e
             LEFT JOIN "integration"."persons" i ON i."migration_key" = e."migration_key"
             LEFT JOIN {held} a ON a."key" = CAST(i."id" AS text)
            WHERE a."key" IS NULL OR a."clientstatus" IS DISTINCT FROM e."clientstatus";
           CREATE TABLE "validation"."rule_exceptions_deputy_fee_payer" AS
           SELECT e."case_no", e."candidates", e."feepayer_key" AS "casrec_fee_payer", d."migration_key" AS "sirius_fee_payer",
                  CASE WHEN a."key" IS NULL THEN 'client not in Sirius' ELSE 'fee payer differs' END AS "problem"
             FROM "validation"."casrec_fee_payer" e
             LEFT JOIN "integration"."persons" i ON i."migration_key" = e."migration_key"
             LEFT JOIN {held} a ON a."key" = CAST(i."id" AS text)
             LEFT JOIN "integration"."persons" d ON CAST(d."id" AS text) = a."feepayer_id"
            WHERE a."key" IS NULL OR d."migration_key" IS DISTINCT FROM e."feepayer_key";"#,
    ))
    .await
    .map_err(db_err("comparing the business rules with Sirius"))?;
    for (rule, what) in [("client_status", "clients whose status"), ("deputy_fee_payer", "clients whose fee payer")] {
        let differ = one(
            m,
            &format!("SELECT count(*) FROM \"validation\".\"rule_exceptions_{rule}\""),
            "counting rule exceptions",
        )
        .await?;
        checks.push(Check::counts(
            rule,
            &format!("{what} in Sirius differs from CasRec's recomputation"),
            0,
            differ,
            format!("each listed in validation.rule_exceptions_{rule}"),
        ));
    }
    let rows = m
        .query(include_str!("sql/rules/decision_counts.sql"), &[])
        .await
        .map_err(db_err("counting the business rules' decisions"))?
        .iter()
        .map(|r| RuleRow { rule: r.get(0), decision: r.get(1), integration: r.get(2), casrec: r.get(3) })
        .collect();
    Ok(rows)
}
