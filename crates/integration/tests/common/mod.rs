//! What the rule tests share: the integration tables the client rules read, with only the
//! columns they read. Every rule runs in every test, so each test's schema starts with these
//! and adds the tables of the rule it is about.

/// The tables and columns every rule test needs, in a fresh `integration` schema.
pub const CLIENT_RULE_TABLES: &str = r#"
CREATE SCHEMA "integration";
CREATE TABLE "integration"."persons" ("id" int, "migration_key" text, "type" text, "caserecnumber" text,
    "deputynumber" int, "clientstatus" text, "feepayer_id" int, "uid" bigint);
CREATE TABLE "integration"."cases" ("id" int, "client_id" int, "c_order_no" text, "oldcaseid" int,
    "orderdate" date, "orderstatus" text, "ordersubtype" text, "orderclosurereason" text);
CREATE TABLE "integration"."death_notifications" ("id" int, "person_id" int, "proofofdeathreceived" boolean, "datenotified" date);
CREATE TABLE "integration"."order_deputy" ("id" int, "order_id" int, "deputy_id" int, "c_fee_payer" text, "statusoncase" text);
CREATE TABLE "integration"."person_caseitem" ("person_id" int, "caseitem_id" int);
"#;

/// [`CLIENT_RULE_TABLES`] and a test's own tables.
pub fn schema(own: &str) -> String {
    format!("{CLIENT_RULE_TABLES}{own}")
}
