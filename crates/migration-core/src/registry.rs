//! The Sirius table registry: one description of every Sirius table the migration writes, read
//! by every step. prepare checks Sirius has them, integration allocates ids, matches existing
//! rows, assigns uids and rewrites foreign keys from it, load-to-target loads and rolls back in
//! the order it derives, validation compares and checks by it, and `migrate tables` prints it.
//! No step keeps a table list of its own.
//!
//! # The transform contract
//!
//! transform-casrec writes one table per Sirius table, `transform.<table>`, holding the rows of
//! every target whose destination it is. Every such table carries:
//!
//! - `casrec_row_id` (bigint): the line of the CasRec file the row came from;
//! - `casrec_target` (text): the target that made the row;
//! - `migration_key` (text, never NULL, unique within the table): what the row is in CasRec's
//!   terms (`client:<case>`, `order:<order no>` …). The same CasRec record gives the same key in
//!   every run, so a rerun updates the row an earlier run loaded instead of adding it again;
//! - for a table keyed by `id`: `id` (integer), unique within the table once the transform has
//!   finished (`transform.run.numbered`); for a link table, its two key columns;
//! - for each parent filled by [`Fill::Transform`]: the parent row's transform `id`, which
//!   integration rewrites to the Sirius id;
//! - carry columns, named `c_<name>`: CasRec values integration or validation still needs
//!   (business rules, matching); Sirius has no such column, so they are never loaded;
//! - every other column: a Sirius column of the table, with Sirius's type.
//!
//! `transform.built_targets` lists each target built (`target`, `destination`, `source_table`,
//! `rows_table`, counts and `columns`); integration handles exactly the registered tables that
//! some built target writes, and refuses a destination the registry does not describe.

/// How a table's rows are identified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// An integer `id`, allocated above Sirius's largest and followed by `sequence`.
    Id { sequence: &'static str },
    /// A link table: the pair of parent ids is the key (no id of its own).
    Link([&'static str; 2]),
}

/// Who fills a parent foreign key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    /// The transform writes the parent's transform id; integration rewrites it to the Sirius id.
    Transform,
    /// Integration looks the parent up by natural key: `ours` columns of this table equal to
    /// `theirs` columns of the parent's integration rows that satisfy `filter`.
    NaturalKey { ours: &'static [&'static str], theirs: &'static [&'static str], filter: &'static str },
    /// A business rule of integration sets it (named as integration's `RULES` names it).
    Rule(&'static str),
}

/// A foreign key to another registered table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parent {
    pub column: &'static str,
    pub table: &'static str,
    pub fill: Fill,
}

/// When a migrated row matches several Sirius rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// The lowest Sirius id.
    Lowest,
    /// Only when exactly one Sirius row matches; otherwise the row is new.
    OnlyOne,
}

/// One way of finding the Sirius row a migrated row already is: `columns` equal on both sides,
/// among migrated rows satisfying `ours` and Sirius rows satisfying `theirs` (SQL conditions
/// over the table's columns). Rules apply in order, each to the rows still unmatched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatchRule {
    pub columns: &'static [&'static str],
    pub ours: &'static str,
    pub theirs: &'static str,
    pub pick: Pick,
}

/// How an existing Sirius row is matched. Rows an earlier run loaded are always matched first,
/// by `migration_key` through the ledger; these rules find rows Sirius held before any run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Matching {
    pub rules: &'static [MatchRule],
    /// Sirius columns a matched row keeps (Sirius's own uid and creation stamp).
    pub keep: &'static [&'static str],
    /// Sirius columns the rules and `keep` read, copied from Sirius with the id.
    pub facts: &'static [&'static str],
    /// Which Sirius rows are copied (an SQL condition; empty for all): every row a rule or an
    /// earlier run's row can be, so a matched row always finds what it keeps.
    pub facts_where: &'static str,
    /// Why there are no rules, where there are none.
    pub why_none: &'static str,
}

impl Matching {
    /// No natural key: only rows an earlier run loaded are matched.
    pub const fn none(why: &'static str) -> Matching {
        Matching { rules: &[], keep: &[], facts: &[], facts_where: "", why_none: why }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SiriusTable {
    pub name: &'static str,
    pub key: Key,
    pub parents: &'static [Parent],
    /// The uid column, allocated after Sirius's largest uid with its Luhn digit, unique across
    /// every table that has one.
    pub uid: Option<&'static str>,
    pub matching: Matching,
    pub about: &'static str,
}

const PERSONS: &str = "persons";
const CASES: &str = "cases";

/// Every Sirius table the migration writes, parents first where it matters for reading; the
/// load order is derived from the foreign keys ([`load_order`]).
pub const TABLES: &[SiriusTable] = &[
    SiriusTable {
        name: PERSONS,
        key: Key::Id { sequence: "persons_id_seq" },
        parents: &[Parent { column: "feepayer_id", table: PERSONS, fill: Fill::Rule("deputy_fee_payer") }],
        uid: Some("uid"),
        matching: Matching {
            rules: &[
                MatchRule {
                    columns: &["caserecnumber"],
                    ours: "\"type\" = 'actor_client'",
                    theirs: "\"type\" = 'actor_client'",
                    pick: Pick::Lowest,
                },
                MatchRule {
                    columns: &["deputynumber"],
                    ours: "\"type\" = 'actor_deputy'",
                    theirs: "\"type\" = 'actor_deputy' AND \"deputynumber\" IS NOT NULL",
                    pick: Pick::Lowest,
                },
            ],
            keep: &["uid", "createddate"],
            facts: &["type", "caserecnumber", "deputynumber", "uid", "createddate"],
            facts_where: "\"type\" IN ('actor_client', 'actor_deputy')",
            why_none: "",
        },
        about: "clients (by case number) and deputies (by deputy number)",
    },
    SiriusTable {
        name: CASES,
        key: Key::Id { sequence: "cases_id_seq" },
        parents: &[Parent {
            column: "client_id",
            table: PERSONS,
            fill: Fill::NaturalKey { ours: &["caserecnumber"], theirs: &["caserecnumber"], filter: "\"type\" = 'actor_client'" },
        }],
        uid: Some("uid"),
        matching: Matching {
            rules: &[
                MatchRule {
                    columns: &["caserecnumber", "oldcaseid"],
                    ours: "true",
                    theirs: "\"type\" = 'order' AND \"oldcaseid\" IS NOT NULL",
                    pick: Pick::Lowest,
                },
                MatchRule {
                    columns: &["caserecnumber", "casesubtype", "orderdate"],
                    ours: "true",
                    theirs: "\"type\" = 'order' AND \"oldcaseid\" IS NULL",
                    pick: Pick::OnlyOne,
                },
            ],
            keep: &["uid", "createddate"],
            facts: &["type", "caserecnumber", "oldcaseid", "casesubtype", "orderdate", "uid", "createddate"],
            facts_where: "\"type\" = 'order'",
            why_none: "",
        },
        about: "orders: by case number and CasRec order number (oldcaseid), else the one order of the case with the same subtype and date",
    },
    SiriusTable {
        name: "addresses",
        key: Key::Id { sequence: "addresses_id_seq" },
        parents: &[Parent { column: "person_id", table: PERSONS, fill: Fill::Transform }],
        uid: None,
        matching: Matching::none("Sirius keeps no CasRec address number"),
        about: "client and deputy addresses",
    },
    SiriusTable {
        name: "phonenumbers",
        key: Key::Id { sequence: "phonenumbers_id_seq" },
        parents: &[Parent { column: "person_id", table: PERSONS, fill: Fill::Transform }],
        uid: None,
        matching: Matching::none("a number alone does not say which of a person's numbers it replaces"),
        about: "client and deputy phone numbers",
    },
    SiriusTable {
        name: "person_caseitem",
        key: Key::Link(["person_id", "caseitem_id"]),
        parents: &[
            Parent { column: "person_id", table: PERSONS, fill: Fill::Transform },
            Parent { column: "caseitem_id", table: CASES, fill: Fill::Transform },
        ],
        uid: None,
        matching: Matching::none("a link Sirius already has is left as it is"),
        about: "client ↔ order links",
    },
    SiriusTable {
        name: "order_deputy",
        key: Key::Id { sequence: "order_deputy_id_seq" },
        parents: &[
            Parent { column: "order_id", table: CASES, fill: Fill::Transform },
            Parent { column: "deputy_id", table: PERSONS, fill: Fill::Transform },
        ],
        uid: None,
        matching: Matching::none("Sirius keeps no CasRec deputyship number"),
        about: "deputyships: a deputy on an order",
    },
    SiriusTable {
        name: "supervision_level_log",
        key: Key::Id { sequence: "supervision_level_log_id_seq" },
        parents: &[Parent { column: "order_id", table: CASES, fill: Fill::Transform }],
        uid: None,
        matching: Matching::none("a log entry has no natural key in Sirius"),
        about: "each order's supervision level",
    },
    SiriusTable {
        name: "death_notifications",
        key: Key::Id { sequence: "death_notifications_id_seq" },
        parents: &[Parent { column: "person_id", table: PERSONS, fill: Fill::Transform }],
        uid: None,
        matching: Matching {
            // Sirius holds at most one death notification per person (a unique index).
            rules: &[MatchRule { columns: &["person_id"], ours: "true", theirs: "true", pick: Pick::Lowest }],
            keep: &[],
            facts: &["person_id"],
            facts_where: "",
            why_none: "",
        },
        about: "deaths of clients and deputies: one per person",
    },
    SiriusTable {
        name: "supervision_notes",
        key: Key::Id { sequence: "supervision_notes_id_seq" },
        // createdbyuser_id names an assignee, which the migration only reads (READS).
        parents: &[Parent { column: "person_id", table: PERSONS, fill: Fill::Transform }],
        uid: None,
        matching: Matching::none(
            "CasRec numbers no remark, and a note's text and time do not say which of a person's notes it is",
        ),
        about: "client and deputy remarks as supervision notes",
    },
    SiriusTable {
        name: "visits",
        key: Key::Id { sequence: "visits_id_seq" },
        parents: &[Parent { column: "client_id", table: PERSONS, fill: Fill::Transform }],
        uid: None,
        matching: Matching::none("Sirius keeps no CasRec Report No"),
        about: "visits commissioned for clients, by CasRec Report No",
    },
    SiriusTable {
        name: "warnings",
        key: Key::Id { sequence: "warnings_id_seq" },
        // added_by names an assignee, which the migration only reads (READS).
        parents: &[],
        uid: None,
        matching: Matching::none(
            "a warning names no person (person_warning links it) and its type, text and date are shared by many",
        ),
        about: "client and deputy warnings: violence, special interest, SAAR check, no debt chase, priority remarks",
    },
    SiriusTable {
        name: "person_warning",
        key: Key::Link(["person_id", "warning_id"]),
        parents: &[
            Parent { column: "person_id", table: PERSONS, fill: Fill::Transform },
            Parent { column: "warning_id", table: "warnings", fill: Fill::Transform },
        ],
        uid: None,
        matching: Matching::none("a link Sirius already has is left as it is"),
        about: "person ↔ warning links",
    },
    SiriusTable {
        name: "bonds",
        key: Key::Id { sequence: "bonds_id_seq" },
        // bond_provider_id names a bond provider, which the migration only reads (READS): the
        // transform keeps only ids Sirius holds (sirius_bond_providers).
        parents: &[Parent { column: "order_id", table: CASES, fill: Fill::Transform }],
        uid: None,
        matching: Matching {
            // An order has one bond (CasRec keeps it on the order row): a migrated order that is
            // an order Sirius holds updates the one bond Sirius holds on it, keeping the date
            // Sirius registered it; an order with several bonds in Sirius gets a new one.
            rules: &[MatchRule { columns: &["order_id"], ours: "true", theirs: "true", pick: Pick::OnlyOne }],
            keep: &["registeredonsystemdate"],
            facts: &["order_id", "registeredonsystemdate"],
            facts_where: "",
            why_none: "",
        },
        about: "each order's security bond: required (active) or dispensed with",
    },
    SiriusTable {
        name: "tasks",
        key: Key::Id { sequence: "tasks_id_seq" },
        // assignee_id names an assignee, which the migration only reads (READS): the transform
        // keeps only ids Sirius holds (sirius_assignees). person_task and caseitem_task link a
        // task to its client and order.
        parents: &[],
        uid: None,
        matching: Matching::none(
            "Sirius keeps no CasRec activity number (SupID), and a task's type, dates and text are shared by many",
        ),
        about: "clients' active CasRec supervision activities as tasks, by SupID",
    },
    SiriusTable {
        name: "person_task",
        key: Key::Link(["person_id", "task_id"]),
        parents: &[
            Parent { column: "person_id", table: PERSONS, fill: Fill::Transform },
            Parent { column: "task_id", table: "tasks", fill: Fill::Transform },
        ],
        uid: None,
        matching: Matching::none("a link Sirius already has is left as it is"),
        about: "client ↔ task links",
    },
    SiriusTable {
        name: "caseitem_task",
        key: Key::Link(["caseitem_id", "task_id"]),
        parents: &[
            Parent { column: "caseitem_id", table: CASES, fill: Fill::Transform },
            Parent { column: "task_id", table: "tasks", fill: Fill::Transform },
        ],
        uid: None,
        matching: Matching::none("a link Sirius already has is left as it is"),
        about: "order ↔ task links",
    },
    SiriusTable {
        name: "timeline_event",
        key: Key::Id { sequence: "timeline_event_id_seq" },
        // user_id names an assignee, which the migration only reads (READS); person_timeline
        // links an event to its client, and the payload's personId and personUid are written by
        // integration's timeline_payload_ids rule.
        parents: &[],
        uid: None,
        matching: Matching::none(
            "an event names its person only inside its JSON payload, and its type, subject and date are shared by many",
        ),
        about: "each migrated client's Migration Notice and, with an Away Date, Put Away Notice",
    },
    SiriusTable {
        name: "person_timeline",
        // Sirius gives person_timeline an id of its own (NOT NULL, with its sequence), so it is
        // keyed by id, not by its pair of ids as the other link tables are.
        key: Key::Id { sequence: "person_timeline_id_seq" },
        parents: &[
            Parent { column: "person_id", table: PERSONS, fill: Fill::Transform },
            Parent { column: "timelineevent_id", table: "timeline_event", fill: Fill::Transform },
        ],
        uid: None,
        matching: Matching::none("Sirius keeps no CasRec key for a timeline link; its event is new or an earlier run's"),
        about: "person ↔ timeline event links",
    },
    SiriusTable {
        name: "annual_report_logs",
        key: Key::Id { sequence: "annual_report_logs_id_seq" },
        // reviewedby_id names an assignee (left NULL); lodgingchecklistdocument_id a document (NULL).
        parents: &[
            Parent { column: "client_id", table: PERSONS, fill: Fill::Transform },
            Parent { column: "order_id", table: CASES, fill: Fill::Transform },
        ],
        uid: None,
        matching: Matching {
            // A client reports once per period: a migrated client's report whose period ends on
            // the day one report Sirius holds for that client ends is that report.
            rules: &[MatchRule {
                columns: &["client_id", "reportingperiodenddate"],
                ours: "true",
                theirs: "true",
                pick: Pick::OnlyOne,
            }],
            keep: &[],
            facts: &["client_id", "reportingperiodenddate"],
            facts_where: "",
            why_none: "",
        },
        about: "clients' report logs: each account period and the pending report (Report Due)",
    },
    SiriusTable {
        name: "annual_report_lodging_details",
        key: Key::Id { sequence: "annual_report_lodging_details_id_seq" },
        // lodgedby_id names an assignee, which the migration only reads (READS).
        parents: &[Parent { column: "annual_report_log_id", table: "annual_report_logs", fill: Fill::Transform }],
        uid: None,
        matching: Matching {
            // A report has one set of lodging details.
            rules: &[MatchRule { columns: &["annual_report_log_id"], ours: "true", theirs: "true", pick: Pick::OnlyOne }],
            keep: &[],
            facts: &["annual_report_log_id"],
            facts_where: "",
            why_none: "",
        },
        about: "how each account report was lodged: status, deadlines, resubmission",
    },
    SiriusTable {
        name: "annual_report_type_assignments",
        key: Key::Id { sequence: "annual_report_type_assignments_id_seq" },
        parents: &[Parent { column: "annualreport_id", table: "annual_report_logs", fill: Fill::Transform }],
        uid: None,
        matching: Matching {
            // A report has one type assignment.
            rules: &[MatchRule { columns: &["annualreport_id"], ours: "true", theirs: "true", pick: Pick::OnlyOne }],
            keep: &[],
            facts: &["annualreport_id"],
            facts_where: "",
            why_none: "",
        },
        about: "each report log's report type (OPG102 / OPG103) from its order's supervision level",
    },
    SiriusTable {
        name: "scheduled_events",
        key: Key::Id { sequence: "scheduled_events_id_seq" },
        // The payload names the client and the report log; integration's
        // scheduled_event_payload_ids rule writes their Sirius ids into it.
        parents: &[],
        uid: None,
        matching: Matching::none(
            "an event names its client and report only inside its JSON payload, and Sirius schedules many of one class",
        ),
        about: "the reporting-period-end event of each pending report",
    },
    SiriusTable {
        name: "finance_invoice",
        key: Key::Id { sequence: "finance_invoice_id_seq" },
        // finance_person_id names the client's billing account (finance_person, which the
        // migration only reads): integration's finance_person_ids rule sets it.
        // finance_remission_exemption_id is never filled (CasRec does not link the two).
        parents: &[Parent { column: "person_id", table: PERSONS, fill: Fill::Transform }],
        uid: None,
        matching: Matching {
            // Sirius holds one invoice per reference (a unique index), and the reference is
            // CasRec's Invoice No. A matched invoice keeps the batch number Sirius gave it, so a
            // rerun takes no new batch number.
            rules: &[MatchRule { columns: &["reference"], ours: "true", theirs: "true", pick: Pick::OnlyOne }],
            keep: &["batchnumber"],
            facts: &["reference", "batchnumber"],
            facts_where: "",
            why_none: "",
        },
        about: "clients' invoices from the fee export: assessment deposits (AD) and annual fees, in pence",
    },
    SiriusTable {
        name: "finance_ledger",
        key: Key::Id { sequence: "finance_ledger_id_seq" },
        // finance_person_id: the finance_person_ids rule, from the invoice the entry is
        // allocated to. parent_id and finance_remission_exemption_id are never filled.
        parents: &[],
        uid: None,
        matching: Matching {
            // The reference is unique in Sirius and the migration's is stable (made from the
            // credit's Invoice No, where the original drew a random one each run).
            rules: &[MatchRule { columns: &["reference"], ours: "true", theirs: "true", pick: Pick::OnlyOne }],
            keep: &["batchnumber"],
            facts: &["reference", "batchnumber"],
            facts_where: "",
            why_none: "",
        },
        about: "credits against clients' invoices (remissions, credit memos, write-offs), in pounds",
    },
    SiriusTable {
        name: "finance_ledger_allocation",
        key: Key::Id { sequence: "finance_ledger_allocation_id_seq" },
        parents: &[
            Parent { column: "ledger_entry_id", table: "finance_ledger", fill: Fill::Transform },
            // The credit's original invoice, by its reference (CasRec's Orig Invoice): the two
            // invoice targets number their rows apart, and the reference names either.
            Parent {
                column: "invoice_id",
                table: "finance_invoice",
                fill: Fill::NaturalKey { ours: &["c_invoice_reference"], theirs: &["reference"], filter: "true" },
            },
        ],
        uid: None,
        matching: Matching {
            // The reference (the credit's Invoice No) is unique in Sirius.
            rules: &[MatchRule { columns: &["reference"], ours: "true", theirs: "true", pick: Pick::OnlyOne }],
            keep: &["batchnumber"],
            facts: &["reference", "batchnumber"],
            facts_where: "",
            why_none: "",
        },
        about: "each credit's allocation to the invoice it reduces",
    },
    SiriusTable {
        name: "finance_remission_exemption",
        key: Key::Id { sequence: "finance_remission_exemption_id_seq" },
        // finance_person_id: the finance_person_ids rule, by the client's case number.
        parents: &[],
        uid: None,
        matching: Matching::none(
            "a remission or exemption names its client only through finance_person, which a business rule sets after matching, and Sirius keeps no CasRec reference for it",
        ),
        about: "clients' fee remissions and exemptions awarded from April 2021",
    },
    SiriusTable {
        name: "finance_order",
        key: Key::Id { sequence: "finance_order_id_seq" },
        // finance_person_id: the finance_person_ids rule, from the order's client, where Sirius
        // has none already.
        parents: &[Parent { column: "order_id", table: CASES, fill: Fill::Transform }],
        uid: None,
        matching: Matching {
            // An order is billed once: the one finance_order Sirius holds for a migrated order
            // is that order's, and keeps the billing account Sirius gave it.
            rules: &[MatchRule { columns: &["order_id"], ours: "true", theirs: "true", pick: Pick::OnlyOne }],
            keep: &["finance_person_id"],
            facts: &["order_id", "finance_person_id"],
            facts_where: "",
            why_none: "",
        },
        about: "billable orders and the day their billing starts (the first risk assessment's start date)",
    },
];

/// Sirius tables the migration reads but never writes (lookups of assignees, teams, providers,
/// and clients' billing accounts, which the migration never creates).
pub const READS: &[&str] = &["assignees", "assignee_teams", "bond_providers", "finance_person"];

/// The finance tables whose new rows take a batch number from Sirius's finance counter at load,
/// each with its group: the tables of a group share one number (business rules §4.3).
pub const BATCH_NUMBERED: &[(&str, u8)] =
    &[("finance_invoice", 1), ("finance_ledger", 2), ("finance_ledger_allocation", 2)];

/// The batch group of a table whose new rows take a batch number.
pub fn batch_group(table: &str) -> Option<u8> {
    BATCH_NUMBERED.iter().find(|(t, _)| *t == table).map(|(_, g)| *g)
}

/// The `finance_counter` key batch numbers are taken from.
pub const BATCH_COUNTER_KEY: &str = "DatFileBatchNumberReportBatchNumber";

/// What of each table the migration only reads a migrated row may name: prepare copies these
/// columns of Sirius's rows into the migration database (`sirius_ref.<table>`, Sirius may be
/// another server), and the transform reads them as `sirius_<table>`, so a mapping can tell an
/// id Sirius holds (an assignee, a bond provider) from one it does not. Columns named `id` or
/// `…_id` are `bigint`, the others `text`.
pub const REFERENCE_COLUMNS: &[(&str, &[&str])] = &[
    ("assignees", &["id", "name", "surname"]),
    ("assignee_teams", &["team_id", "assignablecomposite_id"]),
    ("bond_providers", &["id", "name"]),
    ("finance_person", &["id", "person_id"]),
];

/// The SQL type a [`REFERENCE_COLUMNS`] column is copied as.
pub fn reference_type(column: &str) -> &'static str {
    if column == "id" || column.ends_with("_id") {
        "bigint"
    } else {
        "text"
    }
}

impl SiriusTable {
    pub fn is_link(&self) -> bool {
        matches!(self.key, Key::Link(_))
    }

    pub fn sequence(&self) -> Option<&'static str> {
        match self.key {
            Key::Id { sequence } => Some(sequence),
            Key::Link(_) => None,
        }
    }

    /// The key columns: `id`, or the link's pair.
    pub fn key_columns(&self) -> Vec<&'static str> {
        match self.key {
            Key::Id { .. } => vec!["id"],
            Key::Link(pair) => pair.to_vec(),
        }
    }

    /// The columns integration fills: the id, the uid and every parent.
    pub fn integration_columns(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if !self.is_link() {
            out.push("id");
        }
        out.extend(self.uid);
        out.extend(self.parents.iter().map(|p| p.column));
        out
    }
}

/// SQL giving the largest uid Sirius has given out, across every table that has uids.
pub fn largest_uid_sql() -> String {
    let each: Vec<String> = TABLES
        .iter()
        .filter_map(|t| {
            t.uid.map(|u| {
                format!(
                    "(SELECT max({}) FROM \"public\".{})",
                    crate::db::quote_ident(u),
                    crate::db::quote_ident(t.name)
                )
            })
        })
        .collect();
    format!("SELECT GREATEST({})", each.join(", "))
}

/// The registered table of that name.
pub fn table(name: &str) -> Option<&'static SiriusTable> {
    TABLES.iter().find(|t| t.name == name)
}

/// The tables in an order that loads parents before children (self-references aside); ties
/// keep the registry's order, so the order is the same in every run.
pub fn load_order() -> Vec<&'static SiriusTable> {
    let mut done: Vec<&'static SiriusTable> = Vec::with_capacity(TABLES.len());
    while done.len() < TABLES.len() {
        let next = TABLES.iter().find(|t| {
            !done.iter().any(|d| d.name == t.name)
                && t.parents
                    .iter()
                    .filter(|p| p.table != t.name && table(p.table).is_some())
                    .all(|p| done.iter().any(|d| d.name == p.table))
        });
        // A cycle between tables is a registry error; the unit tests rule it out.
        done.push(next.expect("the registry's foreign keys have no cycle"));
    }
    done
}

/// The registered tables among `names`, in load order.
pub fn in_load_order(names: &[String]) -> Vec<&'static SiriusTable> {
    load_order().into_iter().filter(|t| names.iter().any(|n| n == t.name)).collect()
}

/// The registry as rows for people (`migrate tables`): in load order, each table's key,
/// parents, uid, how existing rows are matched and what it holds.
pub fn describe() -> Vec<[String; 6]> {
    load_order()
        .into_iter()
        .map(|t| {
            let key = match t.key {
                Key::Id { sequence } => format!("id ({sequence})"),
                Key::Link([a, b]) => format!("link ({a}, {b})"),
            };
            let parents = t
                .parents
                .iter()
                .map(|p| {
                    let how = match p.fill {
                        Fill::Transform => "transform".to_string(),
                        Fill::NaturalKey { ours, theirs, .. } if ours == theirs => format!("by {}", ours.join(", ")),
                        Fill::NaturalKey { ours, theirs, .. } => {
                            format!("by {} = {}", ours.join(", "), theirs.join(", "))
                        }
                        Fill::Rule(rule) => format!("rule {rule}"),
                    };
                    format!("{} → {} ({how})", p.column, p.table)
                })
                .collect::<Vec<_>>()
                .join("; ");
            let matching = if t.is_link() {
                format!("its pair of ids: {}", t.matching.why_none)
            } else if t.matching.rules.is_empty() {
                format!("earlier runs' rows only: {}", t.matching.why_none)
            } else {
                let rules: Vec<String> = t
                    .matching
                    .rules
                    .iter()
                    .map(|r| {
                        let pick = match r.pick {
                            Pick::Lowest => "lowest id",
                            Pick::OnlyOne => "only if one",
                        };
                        format!("{} ({pick})", r.columns.join(" + "))
                    })
                    .collect();
                format!("earlier runs' rows, then {}", rules.join(", then "))
            };
            [t.name.to_string(), key, parents, t.uid.unwrap_or("").to_string(), matching, t.about.to_string()]
        })
        .collect()
}

/// What integration prepared: its run, and the registered tables it holds in load order. An
/// integration that did not finish, or none at all, is `Err(message)` saying what to run; the
/// steps after integration turn it into their own error.
pub async fn integrated(
    m: &tokio_postgres::Client,
) -> crate::Result<Result<(crate::RunId, Vec<&'static SiriusTable>), String>> {
    let row = match m.query_opt(r#"SELECT "run_id", "tables", "finished" FROM "integration"."run""#, &[]).await {
        Ok(row) => row,
        Err(e) if e.code() == Some(&tokio_postgres::error::SqlState::UNDEFINED_TABLE) => None,
        Err(e) => return Err(crate::CoreError::db("reading integration.run")(e)),
    };
    let Some(row) = row else {
        return Ok(Err(
            "integration has not run in this database (integration.run is missing): run integration first".into()
        ));
    };
    let (run, names, finished): (crate::RunId, Vec<String>, bool) = (row.get(0), row.get(1), row.get(2));
    if !finished {
        return Ok(Err(format!("integration of run {run} did not finish: run integration again")));
    }
    if let Some(unknown) = names.iter().find(|n| table(n).is_none()) {
        return Ok(Err(format!(
            "integration of run {run} holds {unknown}, which this build's registry does not describe"
        )));
    }
    Ok(Ok((run, in_load_order(&names))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_load_before_children() {
        let order: Vec<&str> = load_order().iter().map(|t| t.name).collect();
        assert_eq!(order.len(), TABLES.len());
        for t in TABLES {
            for p in t.parents.iter().filter(|p| p.table != t.name) {
                let (pi, ci) = (order.iter().position(|n| *n == p.table), order.iter().position(|n| *n == t.name));
                assert!(pi < ci, "{} loads before its parent {}", t.name, p.table);
            }
        }
        assert_eq!(order[..2], ["persons", "cases"]);
    }

    #[test]
    fn every_parent_and_rule_column_is_described() {
        for t in TABLES {
            for p in t.parents {
                assert!(table(p.table).is_some(), "{}.{} points at unregistered {}", t.name, p.column, p.table);
                if let Fill::NaturalKey { ours, theirs, .. } = p.fill {
                    assert_eq!(ours.len(), theirs.len(), "{}.{}", t.name, p.column);
                }
            }
            if let Key::Link(pair) = t.key {
                for k in pair {
                    assert!(t.parents.iter().any(|p| p.column == k), "{}: link column {k} is a parent", t.name);
                }
            }
            for r in t.matching.rules {
                for c in r.columns {
                    assert!(t.matching.facts.contains(c), "{}: match column {c} is copied from Sirius", t.name);
                }
            }
            for k in t.matching.keep {
                assert!(t.matching.facts.contains(k), "{}: kept column {k} is copied from Sirius", t.name);
            }
            assert!(
                !t.matching.rules.is_empty() || !t.matching.why_none.is_empty(),
                "{}: say why there is no natural key",
                t.name
            );
            assert_eq!(TABLES.iter().filter(|o| o.name == t.name).count(), 1, "{} registered twice", t.name);
        }
    }

    #[test]
    fn the_description_names_every_table_in_load_order() {
        let rows = describe();
        let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        let order: Vec<&str> = load_order().iter().map(|t| t.name).collect();
        assert_eq!(names, order);
        let cases = rows.iter().find(|r| r[0] == "cases").unwrap();
        assert_eq!(cases[2], "client_id → persons (by caserecnumber)");
        assert!(cases[4].contains("caserecnumber + oldcaseid (lowest id)"), "{}", cases[4]);
    }

    #[test]
    fn a_subset_keeps_the_load_order() {
        let names = vec!["order_deputy".to_string(), "persons".to_string(), "cases".to_string()];
        let got: Vec<&str> = in_load_order(&names).iter().map(|t| t.name).collect();
        assert_eq!(got, ["persons", "cases", "order_deputy"]);
    }
}
