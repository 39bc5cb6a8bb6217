//! The Sirius targets the transform builds, in the order it builds them (later targets read
//! earlier ones' output as `t_<target>`). Each is `mappings/<entity>/<target>.sql`, with
//! `<target>.source.sql` naming the source rows it answers for and, where it leaves any out,
//! `<target>.excluded.sql` giving each one's reason.

use crate::lookups::MAPPINGS;
use crate::TransformError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// New rows, numbered on from the destination's previous targets (`id`).
    Insert,
    /// New rows of a link table, which has no id.
    InsertLink,
    /// Values for rows an earlier target inserted, matched by `id`.
    UpdateById,
}

#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub name: &'static str,
    pub entity: &'static str,
    /// The Sirius table (and `transform` table) the rows belong to: a table of the registry
    /// (`migration_core::registry`).
    pub destination: &'static str,
    /// The CasRec table the target's rows come from (`casrec_row_id` is its line).
    pub source_table: &'static str,
    pub mode: Mode,
    /// Columns holding the id of a row another target made: `(column, target)`. Each target
    /// numbers its rows from 1 (so groups can be built in separate tasks); when every group is
    /// built, ids are moved on past the destination's earlier targets and these columns with them.
    pub refs: &'static [(&'static str, &'static str)],
}

const fn target(
    mode: Mode,
    name: &'static str,
    entity: &'static str,
    destination: &'static str,
    source_table: &'static str,
    refs: &'static [(&'static str, &'static str)],
) -> Target {
    Target { name, entity, destination, source_table, mode, refs }
}

/// Every target, one line each: how it writes, name, entity group, Sirius table, CasRec source,
/// and the ids it takes from other targets (for an update, the target whose rows it updates). A destination's ids run on in this order; the waves follow from
/// which targets' output each reads ([`Target::wave`]).
use Mode::{Insert, InsertLink, UpdateById};

#[rustfmt::skip]
pub const TARGETS: &[Target] = &[
    target(Insert, "cases", "cases", "cases", "order", &[]),
    target(Insert, "deputy_persons", "deputies", "persons", "deputy", &[]),
    target(Insert, "deputy_daytime_phonenumbers", "deputies", "phonenumbers", "deputy", &[("person_id", "deputy_persons")]),
    target(Insert, "deputy_evening_phonenumbers", "deputies", "phonenumbers", "deputy", &[("person_id", "deputy_persons")]),
    target(Insert, "deputy_addresses", "deputies", "addresses", "deputy_address", &[("person_id", "deputy_persons")]),
    target(Insert, "order_deputy", "deputies", "order_deputy", "deputyship", &[("order_id", "cases"), ("deputy_id", "deputy_persons")]),
    target(Insert, "client_persons", "clients", "persons", "pat", &[]),
    target(Insert, "client_addresses", "clients", "addresses", "pat", &[("person_id", "client_persons")]),
    target(Insert, "client_phonenumbers", "clients", "phonenumbers", "pat", &[("person_id", "client_persons")]),
    target(InsertLink, "person_caseitem", "clients", "person_caseitem", "order", &[("person_id", "client_persons"), ("caseitem_id", "cases")]),
    target(UpdateById, "crec_persons", "clients", "persons", "crec", &[("id", "client_persons")]),
    target(Insert, "supervision_level_log", "supervision_level", "supervision_level_log", "order", &[("order_id", "cases")]),
    target(Insert, "client_death_notifications", "clients", "death_notifications", "pat", &[("person_id", "client_persons")]),
    target(Insert, "deputy_death_notifications", "deputies", "death_notifications", "deputy", &[("person_id", "deputy_persons")]),
    target(Insert, "client_notes", "notes", "supervision_notes", "remarks", &[("person_id", "client_persons")]),
    target(Insert, "deputy_notes", "notes", "supervision_notes", "deputy_remarks", &[("person_id", "deputy_persons")]),
    target(Insert, "visits", "visits", "visits", "repvis", &[("client_id", "client_persons")]),
    target(Insert, "client_violent_warnings", "warnings", "warnings", "pat", &[]),
    target(Insert, "client_special_warnings", "warnings", "warnings", "pat", &[]),
    target(Insert, "client_saarcheck_warnings", "warnings", "warnings", "pat", &[]),
    target(Insert, "client_nodebtchase_warnings", "warnings", "warnings", "pat", &[]),
    target(Insert, "p1_client_remarks_warnings", "warnings", "warnings", "remarks", &[]),
    target(Insert, "deputy_violent_warnings", "warnings", "warnings", "deputy", &[]),
    target(Insert, "deputy_special_warnings", "warnings", "warnings", "deputy", &[]),
    target(InsertLink, "client_violent_person_warning", "warnings", "person_warning", "pat", &[("person_id", "client_persons"), ("warning_id", "client_violent_warnings")]),
    target(InsertLink, "client_special_person_warning", "warnings", "person_warning", "pat", &[("person_id", "client_persons"), ("warning_id", "client_special_warnings")]),
    target(InsertLink, "client_saarcheck_person_warning", "warnings", "person_warning", "pat", &[("person_id", "client_persons"), ("warning_id", "client_saarcheck_warnings")]),
    target(InsertLink, "client_nodebtchase_person_warning", "warnings", "person_warning", "pat", &[("person_id", "client_persons"), ("warning_id", "client_nodebtchase_warnings")]),
    target(InsertLink, "p1_client_remarks_person_warning", "warnings", "person_warning", "remarks", &[("person_id", "client_persons"), ("warning_id", "p1_client_remarks_warnings")]),
    target(InsertLink, "deputy_violent_person_warning", "warnings", "person_warning", "deputy", &[("person_id", "deputy_persons"), ("warning_id", "deputy_violent_warnings")]),
    target(InsertLink, "deputy_special_person_warning", "warnings", "person_warning", "deputy", &[("person_id", "deputy_persons"), ("warning_id", "deputy_special_warnings")]),
    target(Insert, "bonds_active", "bonds", "bonds", "order", &[("order_id", "cases")]),
    target(Insert, "bonds_dispensed", "bonds", "bonds", "order", &[("order_id", "cases")]),
    target(Insert, "tasks", "tasks", "tasks", "sup_activity", &[]),
    target(InsertLink, "person_task", "tasks", "person_task", "sup_activity", &[("person_id", "client_persons"), ("task_id", "tasks")]),
    target(InsertLink, "caseitem_task", "tasks", "caseitem_task", "sup_activity", &[("caseitem_id", "cases"), ("task_id", "tasks")]),
    target(Insert, "timeline_migration_events", "timeline", "timeline_event", "pat", &[]),
    target(Insert, "timeline_archive_events", "timeline", "timeline_event", "pat", &[]),
    target(Insert, "person_timeline_migration_events", "timeline", "person_timeline", "pat", &[("person_id", "client_persons"), ("timelineevent_id", "timeline_migration_events")]),
    target(Insert, "person_timeline_archive_events", "timeline", "person_timeline", "pat", &[("person_id", "client_persons"), ("timelineevent_id", "timeline_archive_events")]),
    target(Insert, "annual_report_logs", "reporting", "annual_report_logs", "account", &[("client_id", "client_persons"), ("order_id", "cases")]),
    target(Insert, "annual_report_logs_pending", "reporting", "annual_report_logs", "pat", &[("client_id", "client_persons"), ("order_id", "cases")]),
    target(Insert, "annual_report_lodging_details", "reporting", "annual_report_lodging_details", "account", &[("annual_report_log_id", "annual_report_logs")]),
    target(Insert, "annual_report_type_assignments", "reporting", "annual_report_type_assignments", "account", &[("annualreport_id", "annual_report_logs")]),
    target(Insert, "annual_report_type_assignments_pending", "reporting", "annual_report_type_assignments", "pat", &[("annualreport_id", "annual_report_logs_pending")]),
    target(Insert, "scheduled_events_reporting", "reporting", "scheduled_events", "pat", &[]),
    target(Insert, "finance_invoice_ad", "finance", "finance_invoice", "feeexport", &[("person_id", "client_persons")]),
    target(Insert, "finance_invoice_non_ad", "finance", "finance_invoice", "feeexport", &[("person_id", "client_persons")]),
    target(Insert, "finance_ledger_credits", "finance", "finance_ledger", "feeexport", &[]),
    target(Insert, "finance_allocation_credits", "finance", "finance_ledger_allocation", "feeexport", &[("ledger_entry_id", "finance_ledger_credits")]),
    target(Insert, "finance_remissions", "finance", "finance_remission_exemption", "pat", &[]),
    target(Insert, "finance_exemptions", "finance", "finance_remission_exemption", "pat", &[]),
    target(Insert, "finance_order", "finance", "finance_order", "order", &[("order_id", "cases")]),
];

/// Whether `sql` names `word` as a whole identifier (so `t_cases` is not found in `t_cases_x`).
pub fn mentions(sql: &str, word: &str) -> bool {
    sql.match_indices(word).any(|(i, _)| {
        let before = sql[..i].chars().next_back();
        let after = sql[i + word.len()..].chars().next();
        let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !ident(before) && !ident(after)
    })
}

fn file(path: &str) -> Option<&'static str> {
    MAPPINGS.get_file(path).and_then(|f| f.contents_utf8())
}

impl Target {
    pub fn path(&self) -> String {
        format!("mappings/{}/{}.sql", self.entity, self.name)
    }

    pub fn sql(&self) -> Result<&'static str, TransformError> {
        file(&format!("{}/{}.sql", self.entity, self.name))
            .ok_or_else(|| TransformError::Mapping { file: self.path(), message: "missing from the build".into() })
    }

    pub fn source_sql(&self) -> Result<&'static str, TransformError> {
        file(&format!("{}/{}.source.sql", self.entity, self.name)).ok_or_else(|| TransformError::Mapping {
            file: format!("mappings/{}/{}.source.sql", self.entity, self.name),
            message: "every target names the source rows it answers for".into(),
        })
    }

    pub fn excluded_sql(&self) -> Option<&'static str> {
        file(&format!("{}/{}.excluded.sql", self.entity, self.name))
    }

    pub fn by_name(name: &str) -> Option<&'static Target> {
        TARGETS.iter().find(|t| t.name == name)
    }

    /// The targets whose output this target's files read (`t_<name>`).
    pub fn reads(&self) -> Result<Vec<&'static Target>, TransformError> {
        let sql = [self.sql()?, self.source_sql()?, self.excluded_sql().unwrap_or("")].concat();
        Ok(TARGETS.iter().filter(|o| o.name != self.name && mentions(&sql, &format!("t_{}", o.name))).collect())
    }

    /// 1 for a target that reads only CasRec, else one more than the latest wave it reads: a
    /// wave's targets read only earlier waves' output, so they run together.
    pub fn wave(&self) -> u8 {
        // A target whose files are missing fails when it runs; here it counts as reading nothing.
        self.reads().unwrap_or_default().iter().map(|r| r.wave() + 1).max().unwrap_or(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_reads_only_targets_of_earlier_waves() {
        for t in TARGETS {
            for other in t.reads().unwrap() {
                assert!(
                    other.wave() < t.wave(),
                    "{} (wave {}) reads t_{} (wave {})",
                    t.name,
                    t.wave(),
                    other.name,
                    other.wave()
                );
            }
        }
        assert_eq!(Target::by_name("cases").unwrap().wave(), 1);
        assert_eq!(Target::by_name("order_deputy").unwrap().wave(), 2);
    }

    /// The transform contract (`migration_core::registry`): every destination is a registered
    /// Sirius table, every reference is a parent the transform fills, of the referenced target's
    /// table, and a link target writes its table's key pair.
    #[test]
    fn every_target_writes_a_registered_table_and_refers_only_to_its_parents() {
        use migration_core::registry::{self, Fill};
        for t in TARGETS {
            let table = registry::table(t.destination)
                .unwrap_or_else(|| panic!("{} writes {}, which the registry does not describe", t.name, t.destination));
            assert_eq!(t.mode == Mode::InsertLink, table.is_link(), "{}: link targets write link tables", t.name);
            for (col, other) in t.refs {
                let other = Target::by_name(other).unwrap();
                if t.mode == Mode::UpdateById {
                    assert_eq!(other.destination, t.destination, "{}", t.name);
                    continue;
                }
                assert!(
                    table
                        .parents
                        .iter()
                        .any(|p| p.column == *col && p.table == other.destination && p.fill == Fill::Transform),
                    "{}: {col} -> {} is not a parent of {} filled by the transform",
                    t.name,
                    other.destination,
                    t.destination
                );
            }
            for p in table.parents.iter().filter(|p| p.fill == Fill::Transform) {
                if t.mode != Mode::UpdateById {
                    assert!(
                        t.refs.iter().any(|(c, _)| *c == p.column),
                        "{} does not fill {}.{}",
                        t.name,
                        t.destination,
                        p.column
                    );
                }
            }
        }
    }

    /// Every row a new-row target writes says what it is in CasRec's terms (`migration_key`).
    #[test]
    fn every_new_row_target_selects_its_migration_key() {
        for t in TARGETS.iter().filter(|t| t.mode != Mode::UpdateById) {
            assert!(t.sql().unwrap().contains("AS \"migration_key\""), "{} selects no migration_key", t.name);
        }
    }

    /// Where a target's SQL takes another target's `id`, as `alias."id" AS "col"` (or as its
    /// own `id`), the pair is declared in `refs`: otherwise renumbering would leave it pointing at
    /// the wrong row.
    #[test]
    fn every_id_taken_from_another_target_is_declared() {
        for t in TARGETS {
            let sql = t.sql().unwrap();
            let words: Vec<&str> = sql.split_whitespace().collect();
            for (i, w) in words.iter().enumerate() {
                let Some(other) = w.strip_prefix("t_").and_then(Target::by_name) else { continue };
                let Some(alias) = words.get(i + 1) else { continue };
                let taken = format!("{alias}.\"id\"");
                for (j, v) in words.iter().enumerate() {
                    let v = v.trim_end_matches(',');
                    if v != taken {
                        continue;
                    }
                    let column = if words.get(j + 1) == Some(&"AS") {
                        words[j + 2].trim_end_matches(',').trim_matches('"').to_string()
                    } else if words[j].ends_with(',') || words.get(j + 1) == Some(&"FROM") {
                        "id".to_string()
                    } else {
                        continue; // a join condition, not a selected column
                    };
                    assert!(
                        t.refs.contains(&(column.as_str(), other.name)),
                        "{} takes {}'s id as {column} without declaring it in refs",
                        t.name,
                        other.name
                    );
                }
            }
            for (col, other) in t.refs {
                assert!(Target::by_name(other).is_some_and(|o| o.wave() < t.wave()), "{}: {col} -> {other}", t.name);
            }
        }
    }

    #[test]
    fn every_target_has_its_sql_and_source_files() {
        for t in TARGETS {
            assert!(t.sql().is_ok(), "{}", t.path());
            assert!(t.source_sql().is_ok(), "{} source", t.path());
            assert!(casrec_catalog::by_table(t.source_table).is_some(), "{} reads {}", t.name, t.source_table);
        }
    }
}
