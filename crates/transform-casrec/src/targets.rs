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
    /// The Sirius table (and `transform` table) the rows belong to.
    pub destination: &'static str,
    /// The CasRec table the target's rows come from (`casrec_row_id` is its line).
    pub source_table: &'static str,
    pub mode: Mode,
    /// Targets of one wave read only CasRec and earlier waves' output, so they run together.
    pub wave: u8,
    /// Columns holding the id of a row another target made: `(column, target)`. Each target
    /// numbers its rows from 1 (so groups can be built in separate tasks); when every group is
    /// built, ids are moved on past the destination's earlier targets and these columns with them.
    pub refs: &'static [(&'static str, &'static str)],
}

/// In build order: orders first (everything hangs from them), then deputies, then clients.
pub const TARGETS: &[Target] = &[
    Target {
        name: "cases",
        entity: "cases",
        destination: "cases",
        source_table: "order",
        wave: 1,
        refs: &[],
        mode: Mode::Insert,
    },
    Target {
        name: "deputy_persons",
        entity: "deputies",
        destination: "persons",
        source_table: "deputy",
        wave: 1,
        refs: &[],
        mode: Mode::Insert,
    },
    Target {
        name: "deputy_daytime_phonenumbers",
        entity: "deputies",
        destination: "phonenumbers",
        source_table: "deputy",
        wave: 2,
        refs: &[("person_id", "deputy_persons")],
        mode: Mode::Insert,
    },
    Target {
        name: "deputy_evening_phonenumbers",
        entity: "deputies",
        destination: "phonenumbers",
        source_table: "deputy",
        wave: 2,
        refs: &[("person_id", "deputy_persons")],
        mode: Mode::Insert,
    },
    Target {
        name: "deputy_addresses",
        entity: "deputies",
        destination: "addresses",
        source_table: "deputy_address",
        wave: 2,
        refs: &[("person_id", "deputy_persons")],
        mode: Mode::Insert,
    },
    Target {
        name: "order_deputy",
        entity: "deputies",
        destination: "order_deputy",
        source_table: "deputyship",
        wave: 2,
        refs: &[("order_id", "cases"), ("deputy_id", "deputy_persons")],
        mode: Mode::Insert,
    },
    Target {
        name: "client_persons",
        entity: "clients",
        destination: "persons",
        source_table: "pat",
        wave: 1,
        refs: &[],
        mode: Mode::Insert,
    },
    Target {
        name: "client_addresses",
        entity: "clients",
        destination: "addresses",
        source_table: "pat",
        wave: 2,
        refs: &[("person_id", "client_persons")],
        mode: Mode::Insert,
    },
    Target {
        name: "client_phonenumbers",
        entity: "clients",
        destination: "phonenumbers",
        source_table: "pat",
        wave: 2,
        refs: &[("person_id", "client_persons")],
        mode: Mode::Insert,
    },
    Target {
        name: "person_caseitem",
        entity: "clients",
        destination: "person_caseitem",
        source_table: "order",
        wave: 2,
        refs: &[("person_id", "client_persons"), ("caseitem_id", "cases")],
        mode: Mode::InsertLink,
    },
    Target {
        name: "crec_persons",
        entity: "clients",
        destination: "persons",
        source_table: "crec",
        wave: 2,
        refs: &[("id", "client_persons")],
        mode: Mode::UpdateById,
    },
    Target {
        name: "supervision_level_log",
        entity: "supervision_level",
        destination: "supervision_level_log",
        source_table: "order",
        wave: 2,
        refs: &[("order_id", "cases")],
        mode: Mode::Insert,
    },
];

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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_reads_only_targets_of_earlier_waves() {
        for t in TARGETS {
            let sql = [t.sql().unwrap(), t.source_sql().unwrap(), t.excluded_sql().unwrap_or("")].concat();
            for other in TARGETS.iter().filter(|o| o.name != t.name) {
                if sql.contains(&format!("t_{}", other.name)) {
                    assert!(
                        other.wave < t.wave,
                        "{} (wave {}) reads t_{} (wave {})",
                        t.name,
                        t.wave,
                        other.name,
                        other.wave
                    );
                }
            }
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
                assert!(Target::by_name(other).is_some_and(|o| o.wave < t.wave), "{}: {col} -> {other}", t.name);
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
