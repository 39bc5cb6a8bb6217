//! The statements integration runs for one registered table, generated from its registry entry
//! (`migration_core::registry`): the same steps for every table, so a new table needs no SQL
//! of its own unless it carries a business rule. Every statement is set-based.

use migration_core::db::quote_ident;
use migration_core::registry::{Fill, MatchRule, Pick, SiriusTable};

fn q(s: &str) -> String {
    quote_ident(s)
}

fn it(table: &str) -> String {
    format!("\"integration\".{}", q(table))
}

/// The Sirius facts a table's matching reads, as `integration.sirius_<table>`.
pub fn facts_table(t: &SiriusTable) -> String {
    it(&format!("sirius_{}", t.name))
}

/// A Sirius type as the facts table stores it: scalars as they are, the rest (varchar, enums)
/// as text, which compares with the transform's text columns.
pub fn fact_type(sirius_type: &str) -> &str {
    let keep = ["integer", "bigint", "smallint", "boolean", "date"];
    if keep.contains(&sirius_type) || sirius_type.starts_with("timestamp") || sirius_type.starts_with("numeric") {
        sirius_type
    } else {
        "text"
    }
}

/// The Sirius side of the facts: the key columns and facts, cast to the facts table's types,
/// only the rows the registry says a migrated row can be (links: every pair).
pub fn facts_select(t: &SiriusTable, columns: &[(String, String)]) -> String {
    let cols: Vec<String> = columns.iter().map(|(c, ty)| format!("CAST({} AS {})", q(c), fact_type(ty))).collect();
    let filter = match t.matching.facts_where {
        "" => String::new(),
        w => format!(" WHERE {w}"),
    };
    format!("SELECT {} FROM \"public\".{}{filter}", cols.join(", "), q(t.name))
}

pub fn facts_create(t: &SiriusTable, columns: &[(String, String)]) -> String {
    let defs: Vec<String> = columns.iter().map(|(c, ty)| format!("{} {}", q(c), fact_type(ty))).collect();
    // Unlogged like the tables matched against them (see `create`).
    format!("CREATE UNLOGGED TABLE {} ({})", facts_table(t), defs.join(", "))
}

/// The parents whose ids the transform carries (its own ids for them), rewritten to the
/// parents' Sirius ids as the rows are copied in ([`create`]).
fn transform_parents(t: &SiriusTable) -> impl Iterator<Item = &migration_core::registry::Parent> {
    t.parents.iter().filter(move |p| p.fill == Fill::Transform && p.table != t.name)
}

/// The table's transform rows with the bookkeeping integration adds, and the columns it fills
/// that the transform does not carry (typed as in Sirius). `columns` are the transform table's,
/// with their types, in its order. The foreign keys the transform fills are rewritten from
/// transform ids to the parents' final ids in the same pass, by joining each parent's
/// integration rows (integrated before this table): each full-table UPDATE that did it instead
/// rewrote every row again (1 to 2.5 s a parent at 100,000 clients). [`orphans`] has already
/// checked that every such id names a parent row, and a parent's transform ids are unique
/// ([`index`]), so the joins neither lose nor repeat a row.
pub fn create(t: &SiriusTable, columns: &[(String, String)], missing: &[(String, String)]) -> String {
    let extra = if t.is_link() {
        "'INSERT'::text AS \"load_action\"".to_string()
    } else {
        "t.\"id\" AS \"transform_id\", 'INSERT'::text AS \"load_action\", NULL::integer AS \"sirius_id\"".to_string()
    };
    let parents: Vec<(usize, &migration_core::registry::Parent)> = transform_parents(t).enumerate().collect();
    let select: Vec<String> = columns
        .iter()
        .map(|(c, ty)| match parents.iter().find(|(_, p)| p.column == c) {
            Some((i, _)) => format!("CAST(p{i}.\"id\" AS {ty}) AS {}", q(c)),
            None => format!("t.{}", q(c)),
        })
        .collect();
    let joins: String = parents
        .iter()
        .filter(|(_, p)| columns.iter().any(|(c, _)| c == p.column))
        .map(|(i, p)| format!(" LEFT JOIN {} p{i} ON p{i}.\"transform_id\" = t.{}", it(p.table), q(p.column)))
        .collect();
    // Every row is rewritten by several updates below (ids, matching, rules), which cost more
    // than everything else and grew faster than the rows. Unlogged: logging each row version
    // and its index entries, and whole pages after every checkpoint, is not needed for a schema
    // every run rebuilds; `run` is unlogged with it (lib.rs), so a crash empties it as a whole
    // and load-to-target refuses it, never reads half of it. Half-full pages: an update that
    // changes no indexed column then writes the new version beside the old on the same page
    // (a heap-only tuple), adding no index entries, and the next statement prunes the old one.
    let mut sql = format!(
        "CREATE UNLOGGED TABLE {} WITH (fillfactor = 50) AS SELECT {}, {extra} FROM \"transform\".{} t{joins};\n",
        it(t.name),
        select.join(", "),
        q(t.name)
    );
    for (c, ty) in missing {
        sql.push_str(&format!("ALTER TABLE {} ADD COLUMN {} {ty};\n", it(t.name), q(c)));
    }
    sql
}

/// Rows breaking the transform contract: no key, or a key twice.
pub fn key_problems(t: &SiriusTable) -> String {
    format!(
        "SELECT count(*) FILTER (WHERE \"migration_key\" IS NULL), count(\"migration_key\") - count(DISTINCT \"migration_key\") FROM {}",
        it(t.name)
    )
}

/// Indexes on what the joins below go through, and statistics for the planner.
pub fn index(t: &SiriusTable) -> String {
    let mut cols: Vec<Vec<&str>> = vec![vec!["migration_key"]];
    let mut sql = String::new();
    if !t.is_link() {
        // Unique: children join it to take their parent's id, and a transform id twice would
        // copy a child row twice.
        sql.push_str(&format!("CREATE UNIQUE INDEX ON {} (\"transform_id\");\n", it(t.name)));
    }
    for r in t.matching.rules {
        cols.push(r.columns.to_vec());
    }
    for p in t.parents {
        if let Fill::NaturalKey { ours, .. } = p.fill {
            cols.push(ours.to_vec());
        }
    }
    cols.dedup();
    for c in cols {
        let list: Vec<String> = c.iter().map(|c| q(c)).collect();
        sql.push_str(&format!("CREATE INDEX ON {} ({});\n", it(t.name), list.join(", ")));
    }
    sql.push_str(&format!("ANALYZE {};\n", it(t.name)));
    sql
}

/// Rows whose parent column holds a transform id no parent row has: the transform promises
/// there are none, so any is its mistake and stops the step. Read from the transform's rows,
/// before [`create`] joins the parent.
pub fn orphans(t: &SiriusTable, column: &str, parent: &str) -> String {
    format!(
        "SELECT count(*) FROM \"transform\".{c} c WHERE c.{col} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {p} p WHERE p.\"transform_id\" = c.{col})",
        c = q(t.name),
        p = it(parent),
        col = q(column)
    )
}

/// The parents found by natural key, a statement each (the transform's parents were rewritten
/// by [`create`]; a rule's are left to the rule). Run one by one, each commits before the next
/// rewrites the same rows again, so its old row versions can be pruned and the next update
/// stays on the page (see `create`).
pub fn rewrite_natural_key_parents(t: &SiriusTable) -> Vec<String> {
    let mut sql = Vec::new();
    for p in t.parents.iter().filter(|p| p.table != t.name) {
        if let Fill::NaturalKey { ours, theirs, filter } = p.fill {
            let on: Vec<String> = ours.iter().zip(theirs).map(|(o, th)| format!("p.{} = c.{}", q(th), q(o))).collect();
            sql.push(format!(
                "UPDATE {c} c SET {col} = p.\"id\" FROM (SELECT * FROM {p} WHERE {filter}) p WHERE {on};\n",
                c = it(t.name),
                p = it(p.table),
                col = q(p.column),
                on = on.join(" AND ")
            ));
        }
    }
    sql
}

/// Rows an earlier run loaded (and Sirius still holds) are updated in place.
pub fn match_previously_loaded(t: &SiriusTable) -> String {
    format!(
        "UPDATE {} t SET \"load_action\" = 'UPDATE', \"sirius_id\" = l.\"id\" FROM \"integration\".\"previously_loaded\" l
          WHERE l.\"table_name\" = '{}' AND l.\"migration_key\" = t.\"migration_key\";\n",
        it(t.name),
        t.name
    )
}

fn match_rule(t: &SiriusTable, r: &MatchRule) -> String {
    let cols: Vec<String> = r.columns.iter().map(|c| q(c)).collect();
    let cols = cols.join(", ");
    let existing = match r.pick {
        Pick::Lowest => format!(
            "SELECT DISTINCT ON ({cols}) {cols}, \"id\" FROM {f} WHERE {theirs} ORDER BY {cols}, \"id\"",
            f = facts_table(t),
            theirs = r.theirs
        ),
        Pick::OnlyOne => format!(
            "SELECT {cols}, min(\"id\") AS \"id\" FROM {f} WHERE {theirs} GROUP BY {cols} HAVING count(*) = 1",
            f = facts_table(t),
            theirs = r.theirs
        ),
    };
    let on: Vec<String> = r.columns.iter().map(|c| format!("e.{0} = t.{0}", q(c))).collect();
    format!(
        "UPDATE {tbl} t SET \"load_action\" = 'UPDATE', \"sirius_id\" = e.\"id\" FROM ({existing}) e
          WHERE t.\"sirius_id\" IS NULL AND {on}
            AND t.\"transform_id\" IN (SELECT \"transform_id\" FROM {tbl} WHERE {ours});\n",
        tbl = it(t.name),
        on = on.join(" AND "),
        ours = r.ours
    )
}

/// Records Sirius already holds, by the registry's rules in order; a matched row keeps the
/// Sirius columns the registry names.
pub fn match_sirius(t: &SiriusTable) -> String {
    let mut sql: String = t.matching.rules.iter().map(|r| match_rule(t, r)).collect();
    if !t.matching.keep.is_empty() {
        let sets: Vec<String> = t.matching.keep.iter().map(|c| format!("{0} = e.{0}", q(c))).collect();
        sql.push_str(&format!(
            "UPDATE {} t SET {} FROM {} e WHERE t.\"sirius_id\" = e.\"id\";\n",
            it(t.name),
            sets.join(", "),
            facts_table(t)
        ));
    }
    sql
}

/// Matched rows keep Sirius's id; new rows are numbered on from Sirius's largest, in transform
/// order. With `uid` (its column and how many uids earlier tables took), rows without one get
/// the next uids after Sirius's largest in transform order, each its 11-digit sequence number
/// and Luhn digit: in the same pass, since every pass over a table rewrites all its rows.
pub fn allocate_ids(t: &SiriusTable, uid: Option<(&str, i64)>) -> String {
    let (set_uid, payload) = match uid {
        Some((column, already)) => (
            format!(
                ", {col} = CASE WHEN t.{col} IS NULL THEN n.\"payload\" * 10 + {luhn} ELSE t.{col} END",
                col = q(column),
                luhn = luhn_digit("n.\"payload\"")
            ),
            // The k-th row without a uid, by transform id, takes the k-th sequence number.
            format!(
                ", u.\"next_payload\" + {already}
                   + count(*) FILTER (WHERE {col} IS NULL) OVER (ORDER BY \"transform_id\" ROWS UNBOUNDED PRECEDING) - 1 AS \"payload\"",
                col = q(column)
            ),
        ),
        None => (String::new(), String::new()),
    };
    let uid_source = if uid.is_some() { ", \"integration\".\"sirius_uid\" u" } else { "" };
    format!(
        "UPDATE {tbl} t SET \"id\" = coalesce(t.\"sirius_id\", m.\"max_id\" + n.\"n\"){set_uid}
           FROM (SELECT \"transform_id\", row_number() OVER (ORDER BY \"sirius_id\" IS NOT NULL, \"transform_id\") AS \"n\"{payload}
                   FROM {tbl}{uid_source}) n,
                \"integration\".\"sirius_max\" m
          WHERE n.\"transform_id\" = t.\"transform_id\" AND m.\"table_name\" = '{name}';
         CREATE INDEX ON {tbl} (\"id\");\n",
        tbl = it(t.name),
        name = t.name
    )
}

/// The rows that will get a new uid: those matching did not give Sirius's.
pub fn uids_wanted(t: &SiriusTable, column: &str) -> String {
    format!("SELECT count(*) FROM {} WHERE {} IS NULL", it(t.name), q(column))
}

/// Sirius's uid check digit of a sequence number (a non-negative bigint), as arithmetic:
/// `"integration".luhn_digit` gives the same digit, but as a function called per row, through
/// text and arrays, it cost more than the update it served. Luhn over the digits from the
/// right, every odd-placed one doubled (its digits summed); the places above the number's own
/// digits are zeros and add nothing, so all 19 a bigint can have are summed.
pub fn luhn_digit(payload: &str) -> String {
    let terms: Vec<String> = (0..19u32)
        .map(|i| {
            let digit = format!("({payload} / {} % 10)", 10i64.pow(i));
            if i % 2 == 0 {
                format!("(2 * {digit}) / 10 + (2 * {digit}) % 10")
            } else {
                digit
            }
        })
        .collect();
    format!("CAST((10 - ({}) % 10) % 10 AS integer)", terms.join(" + "))
}

/// A link Sirius already has is left as it is.
pub fn match_links(t: &SiriusTable, pair: [&str; 2]) -> String {
    format!(
        "UPDATE {tbl} l SET \"load_action\" = 'UPDATE' FROM {f} e WHERE e.{a} = l.{a} AND e.{b} = l.{b};\n",
        tbl = it(t.name),
        f = facts_table(t),
        a = q(pair[0]),
        b = q(pair[1])
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use migration_core::registry;

    #[test]
    fn a_natural_key_parent_is_looked_up_among_the_rows_its_filter_allows() {
        let cases = registry::table("cases").unwrap();
        let sql = rewrite_natural_key_parents(cases).concat();
        assert_eq!(
            sql.trim(),
            "UPDATE \"integration\".\"cases\" c SET \"client_id\" = p.\"id\" FROM (SELECT * FROM \"integration\".\"persons\" WHERE \"type\" = 'actor_client') p WHERE p.\"caserecnumber\" = c.\"caserecnumber\";"
        );
    }

    #[test]
    fn transform_parents_are_rewritten_as_the_rows_are_copied_and_rules_left_to_the_rules() {
        let od = registry::table("order_deputy").unwrap();
        let cols = vec![
            ("order_id".to_string(), "integer".to_string()),
            ("deputy_id".to_string(), "bigint".to_string()),
            ("migration_key".to_string(), "text".to_string()),
        ];
        let sql = create(od, &cols, &[]);
        assert!(sql.contains("CAST(p0.\"id\" AS integer) AS \"order_id\""), "{sql}");
        assert!(sql.contains("CAST(p1.\"id\" AS bigint) AS \"deputy_id\""), "{sql}");
        assert!(sql.contains("t.\"migration_key\""), "{sql}");
        assert!(
            sql.contains("LEFT JOIN \"integration\".\"cases\" p0 ON p0.\"transform_id\" = t.\"order_id\""),
            "{sql}"
        );
        assert!(
            sql.contains("LEFT JOIN \"integration\".\"persons\" p1 ON p1.\"transform_id\" = t.\"deputy_id\""),
            "{sql}"
        );
        assert!(rewrite_natural_key_parents(od).is_empty());
        let persons = registry::table("persons").unwrap();
        let sql = create(persons, &[("feepayer_id".to_string(), "integer".to_string())], &[]);
        assert!(sql.contains("t.\"feepayer_id\"") && !sql.contains("JOIN"), "feepayer_id is a business rule's: {sql}");
    }

    #[test]
    fn only_one_picks_a_sirius_row_only_when_it_is_alone() {
        let cases = registry::table("cases").unwrap();
        let sql = match_sirius(cases);
        assert!(sql.contains("HAVING count(*) = 1"), "{sql}");
        assert!(sql.contains("DISTINCT ON (\"caserecnumber\", \"oldcaseid\")"), "{sql}");
        assert!(sql.contains("SET \"uid\" = e.\"uid\", \"createddate\" = e.\"createddate\""), "{sql}");
    }

    #[test]
    fn ids_and_uids_are_allocated_in_one_pass_without_a_per_row_function() {
        let persons = registry::table("persons").unwrap();
        let sql = allocate_ids(persons, Some(("uid", 7)));
        assert_eq!(sql.matches("UPDATE").count(), 1, "{sql}");
        assert!(sql.contains("\"uid\" = CASE WHEN t.\"uid\" IS NULL THEN n.\"payload\" * 10 + CAST("), "{sql}");
        assert!(sql.contains("+ 7\n") || sql.contains("+ 7 "), "{sql}");
        assert!(!sql.contains("luhn_digit"), "{sql}");
        let without = allocate_ids(registry::table("addresses").unwrap(), None);
        assert!(!without.contains("uid"), "{without}");
    }

    #[test]
    fn facts_are_read_only_for_rows_a_migrated_row_can_be_and_typed_to_compare_with_text() {
        let persons = registry::table("persons").unwrap();
        let cols =
            vec![("id".to_string(), "integer".to_string()), ("type".to_string(), "character varying(255)".to_string())];
        assert_eq!(
            facts_select(persons, &cols),
            "SELECT CAST(\"id\" AS integer), CAST(\"type\" AS text) FROM \"public\".\"persons\" WHERE \"type\" IN ('actor_client', 'actor_deputy')"
        );
        assert_eq!(fact_type("timestamp(0) without time zone"), "timestamp(0) without time zone");
        assert_eq!(fact_type("USER-DEFINED"), "text");
    }
}
