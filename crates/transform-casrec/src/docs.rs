//! The mapping document, generated from the mappings themselves: per Sirius table, each column
//! with its CasRec source columns, transformations, lookups, default and the SQL that makes it.
//! Analysts review this instead of a spreadsheet that drifts from the code.

use std::collections::BTreeMap;

use crate::targets::{Target, TARGETS};
use crate::udf;
use crate::TransformError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnDoc {
    pub column: String,
    pub sources: Vec<String>,
    pub transformations: Vec<String>,
    pub lookups: Vec<String>,
    pub default: Option<String>,
    pub expression: String,
}

#[derive(Debug, Clone)]
pub struct TargetDoc {
    pub target: &'static str,
    pub destination: &'static str,
    pub source_table: &'static str,
    pub file: String,
    pub description: String,
    pub columns: Vec<ColumnDoc>,
}

/// Removes `--` comments, keeping string literals intact.
fn strip_comments(sql: &str) -> String {
    let mut out = String::new();
    for line in sql.lines() {
        let mut in_str = false;
        let mut cut = line.len();
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\'' => in_str = !in_str,
                b'-' if !in_str && i + 1 < b.len() && b[i + 1] == b'-' => {
                    cut = i;
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        out.push_str(&line[..cut]);
        out.push('\n');
    }
    out
}

/// Splits at top-level commas (outside parentheses, quotes and identifiers).
fn split_top_level(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let (mut in_str, mut in_ident) = (false, false);
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '\'' if !in_ident => in_str = !in_str,
            '"' if !in_str => in_ident = !in_ident,
            '(' if !in_str && !in_ident => depth += 1,
            ')' if !in_str && !in_ident => depth -= 1,
            ',' if depth == 0 && !in_str && !in_ident => {
                parts.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    if !cur.trim().is_empty() {
        parts.push(cur.trim().to_string());
    }
    parts
}

/// Byte offsets of top-level occurrences of a keyword (case-insensitive, whole word).
fn top_level_keyword(s: &str, kw: &str) -> Vec<usize> {
    let upper = s.to_ascii_uppercase();
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0i32;
    let (mut in_str, mut in_ident) = (false, false);
    for i in 0..b.len() {
        match b[i] {
            b'\'' if !in_ident => in_str = !in_str,
            b'"' if !in_str => in_ident = !in_ident,
            b'(' if !in_str && !in_ident => depth += 1,
            b')' if !in_str && !in_ident => depth -= 1,
            _ => {}
        }
        if depth == 0
            && !in_str
            && !in_ident
            && upper[i..].starts_with(kw)
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b'_')
            && upper.as_bytes().get(i + kw.len()).is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'_')
        {
            out.push(i);
        }
    }
    out
}

/// The select list of a SELECT statement: (expression, output name).
fn select_items(select: &str) -> Vec<(String, String)> {
    let body = &select[select.to_ascii_uppercase().find("SELECT").map(|i| i + 6).unwrap_or(0)..];
    let body = match top_level_keyword(body, "FROM").first() {
        Some(&i) => &body[..i],
        None => body,
    };
    split_top_level(body)
        .into_iter()
        .map(|item| {
            let ases = top_level_keyword(&item, "AS");
            match ases.last() {
                Some(&i) => (item[..i].trim().to_string(), item[i + 2..].trim().trim_matches('"').to_string()),
                None => {
                    let name = item.rsplit('.').next().unwrap_or(&item).trim().trim_matches('"').to_string();
                    (item.clone(), name)
                }
            }
        })
        .collect()
}

/// Quoted identifiers in an expression.
fn identifiers(expr: &str) -> Vec<String> {
    expr.split('"').skip(1).step_by(2).map(str::to_string).collect()
}

/// String literals in an expression.
fn literals(expr: &str) -> Vec<String> {
    expr.split('\'').skip(1).step_by(2).map(str::to_string).collect()
}

/// Whether the expression calls `function`: its name followed by `(`, not the tail of a longer
/// name (`lookup(` inside `conditional_lookup(`).
fn calls(expr: &str, function: &str) -> bool {
    expr.match_indices(&format!("{function}("))
        .any(|(i, _)| expr[..i].bytes().next_back().is_none_or(|b| !b.is_ascii_alphanumeric() && b != b'_'))
}

fn document_target(t: &Target) -> Result<TargetDoc, TransformError> {
    let raw = t.sql()?;
    let description = raw
        .lines()
        .take_while(|l| l.trim_start().starts_with("--"))
        .map(|l| l.trim_start().trim_start_matches("--").trim())
        .collect::<Vec<_>>()
        .join(" ");
    let sql = strip_comments(raw);
    // The statement's own SELECT is the last top-level one; the ones before are its CTEs.
    let selects = top_level_keyword(&sql, "SELECT");
    let last =
        *selects.last().ok_or_else(|| TransformError::Mapping { file: t.path(), message: "no SELECT".into() })?;
    let mut aliases: BTreeMap<String, String> = BTreeMap::new();
    // CTE columns (`expr AS "alias"`), so a final column built from them is traced to its source.
    for (i, _) in sql.match_indices('(') {
        let inner = &sql[i + 1..];
        if inner.trim_start().to_ascii_uppercase().starts_with("SELECT") {
            for (expr, name) in select_items(inner) {
                if expr != name && !expr.ends_with(&format!("\"{name}\"")) {
                    aliases.entry(name).or_insert(expr);
                }
            }
        }
    }
    let udfs = udf::docs();
    let catalogue_columns: Vec<&str> = casrec_catalog::FILES.iter().flat_map(|f| f.columns.iter().copied()).collect();
    let mut columns = Vec::new();
    for (expr, name) in select_items(&sql[last..]) {
        let mut traced = expr.clone();
        for id in identifiers(&expr) {
            if let Some(def) = aliases.get(&id) {
                traced.push(' ');
                traced.push_str(def);
            }
        }
        let mut sources: Vec<String> = identifiers(&traced)
            .into_iter()
            .filter(|i| catalogue_columns.contains(&i.as_str()) || i == "casrec_row_id")
            .collect();
        sources.dedup();
        sources.sort();
        sources.dedup();
        let lower = traced.to_ascii_lowercase();
        let transformations: Vec<String> = udfs
            .iter()
            .filter(|u| std::iter::once(&u.name).chain(&u.aliases).any(|n| calls(&lower, n)))
            .map(|u| u.name.clone())
            .collect();
        let mut lookups = Vec::new();
        for f in ["lookup(", "lookup_partial(", "conditional_lookup("] {
            for (i, _) in lower.match_indices(f) {
                if let Some(name) = literals(&traced[i..]).first() {
                    if !lookups.contains(name) {
                        lookups.push(name.clone());
                    }
                }
            }
        }
        let trimmed = expr.trim();
        let is_constant = sources.is_empty()
            && transformations.iter().all(|t| t == "as_of_date")
            && !trimmed.contains('"')
            && !trimmed.to_ascii_uppercase().starts_with("CASE");
        columns.push(ColumnDoc {
            column: name,
            sources,
            transformations,
            lookups,
            default: is_constant.then(|| trimmed.to_string()),
            expression: expr.split_whitespace().collect::<Vec<_>>().join(" "),
        });
    }
    Ok(TargetDoc {
        target: t.name,
        destination: t.destination,
        source_table: t.source_table,
        file: t.path(),
        description,
        columns,
    })
}

/// Every target's documentation, in build order.
pub fn document() -> Result<Vec<TargetDoc>, TransformError> {
    TARGETS.iter().map(document_target).collect()
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|")
}

pub fn markdown(docs: &[TargetDoc]) -> String {
    let mut out = String::from(
        "# CasRec → Sirius mappings\n\nGenerated by `migrate docs mappings` from `crates/transform-casrec/mappings`; \
         do not edit. Every value is computed by the SQL shown; the run's as-of date stands in for \"today\".\n",
    );
    let mut by_table: BTreeMap<&str, Vec<&TargetDoc>> = BTreeMap::new();
    for d in docs {
        by_table.entry(d.destination).or_default().push(d);
    }
    // A table of contents: the Sirius tables, each with the targets that write it.
    out.push_str("\n## Contents\n\n");
    for (table, targets) in &by_table {
        let names: Vec<&str> = targets.iter().map(|d| d.target).collect();
        out.push_str(&format!("- [{table}](#{table}): {}\n", names.join(", ")));
    }
    out.push_str("- [Transformations](#transformations)\n");
    for (table, targets) in by_table {
        out.push_str(&format!("\n## {table}\n"));
        for d in targets {
            out.push_str(&format!(
                "\n### {} (from `{}`, `{}`)\n\n{}\n\n| column | CasRec source | transformation | lookup | default | SQL |\n|---|---|---|---|---|---|\n",
                d.target, d.source_table, d.file, d.description
            ));
            for c in &d.columns {
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} | `{}` |\n",
                    c.column,
                    md_cell(&c.sources.join(", ")),
                    c.transformations.join(", "),
                    c.lookups.join(", "),
                    md_cell(c.default.as_deref().unwrap_or("")),
                    md_cell(&c.expression)
                ));
            }
        }
    }
    out.push_str(
        "\n## Transformations\n\nThe SQL functions the mappings call (`crates/transform-casrec/src/udf/`).\n\n\
         | function | what it does |\n|---|---|\n",
    );
    for u in udf::docs() {
        let aliases: String = u.aliases.iter().map(|a| format!(" (also `{a}()`)")).collect();
        out.push_str(&format!("| `{}`{aliases} | {} |\n", md_cell(&u.syntax), md_cell(&u.description)));
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The descriptions' Markdown `code` spans as HTML.
fn code_spans(s: &str) -> String {
    s.split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 { format!("<code>{part}</code>") } else { part.into() })
        .collect()
}

pub fn html(docs: &[TargetDoc]) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CasRec to Sirius mappings</title>\n\
         <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}\
         td,th{border:1px solid #bbb;padding:4px 8px;vertical-align:top}code{font-size:90%}\
         .wide{overflow-x:auto;max-width:100%}td code{white-space:pre-wrap;overflow-wrap:anywhere}\
         nav li{margin:2px 0}</style></head><body>\n\
         <h1>CasRec → Sirius mappings</h1>\n<p>Generated by <code>migrate docs mappings</code> from the mappings; do not edit.</p>\n",
    );
    // A table of contents: each Sirius table with the targets that write it.
    let mut by_table: BTreeMap<&str, Vec<&TargetDoc>> = BTreeMap::new();
    for d in docs {
        by_table.entry(d.destination).or_default().push(d);
    }
    out.push_str("<nav><h2>Contents</h2><ul>\n");
    for (table, targets) in &by_table {
        let links: Vec<String> = targets.iter().map(|d| format!("<a href=\"#{0}\">{0}</a>", esc(d.target))).collect();
        out.push_str(&format!("<li><b>{}</b>: {}</li>\n", esc(table), links.join(", ")));
    }
    out.push_str("<li><a href=\"#transformations\">Transformations</a></li>\n</ul></nav>\n");
    for d in docs {
        out.push_str(&format!(
            "<h2 id=\"{}\">{} → {}</h2>\n<p>From <code>{}</code> (<code>{}</code>). {}</p>\n<div class=\"wide\"><table><tr><th>column</th><th>CasRec source</th>\
             <th>transformation</th><th>lookup</th><th>default</th><th>SQL</th></tr>\n",
            esc(d.target),
            esc(d.target),
            esc(d.destination),
            esc(d.source_table),
            esc(&d.file),
            code_spans(&esc(&d.description))
        ));
        for c in &d.columns {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>\n",
                esc(&c.column),
                esc(&c.sources.join(", ")),
                esc(&c.transformations.join(", ")),
                esc(&c.lookups.join(", ")),
                esc(c.default.as_deref().unwrap_or("")),
                esc(&c.expression)
            ));
        }
        out.push_str("</table></div>\n");
    }
    out.push_str(
        "<h2 id=\"transformations\">Transformations</h2>\n<p>The SQL functions the mappings call (<code>crates/transform-casrec/src/udf/</code>).</p>\n\
         <table><tr><th>function</th><th>what it does</th></tr>\n",
    );
    for u in udf::docs() {
        let aliases: String = u.aliases.iter().map(|a| format!(" (also <code>{}()</code>)", esc(a))).collect();
        out.push_str(&format!(
            "<tr><td><code>{}</code>{aliases}</td><td>{}</td></tr>\n",
            esc(&u.syntax),
            code_spans(&esc(&u.description))
        ));
    }
    out.push_str("</table>\n</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column<'a>(docs: &'a [TargetDoc], target: &str, col: &str) -> &'a ColumnDoc {
        docs.iter()
            .find(|d| d.target == target)
            .and_then(|d| d.columns.iter().find(|c| c.column == col))
            .unwrap_or_else(|| panic!("{target}.{col} is not documented"))
    }

    #[test]
    fn columns_show_their_sources_transformations_lookups_and_defaults() {
        let docs = document().unwrap();
        assert_eq!(docs.len(), TARGETS.len());
        let c = column(&docs, "cases", "casesubtype");
        assert_eq!(c.sources, vec!["Ord Type", "casrec_row_id"]);
        assert_eq!(c.lookups, vec!["order_type"]);
        assert_eq!(column(&docs, "cases", "casetype").default.as_deref(), Some("'ORDER'"));
        let f = column(&docs, "deputy_persons", "firstname");
        assert!(f.sources.contains(&"Dep Forename".to_string()), "{f:?}");
        assert!(f.transformations.contains(&"first_word".to_string()), "{f:?}");
        let d = column(&docs, "client_persons", "dateofdeath");
        assert_eq!(d.lookups, vec!["date_of_death"]);
        assert!(d.sources.contains(&"Term Type".to_string()) && d.sources.contains(&"Term Date".to_string()));
    }

    #[test]
    fn the_committed_mapping_document_is_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs");
        let docs = document().unwrap();
        for (name, text) in [("mappings.md", markdown(&docs)), ("mappings.html", html(&docs))] {
            let committed = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
            assert!(committed == text, "docs/{name} is out of date: run `migrate docs mappings`");
        }
    }

    #[test]
    fn markdown_and_html_list_every_target() {
        let docs = document().unwrap();
        let md = markdown(&docs);
        let page = html(&docs);
        for t in TARGETS {
            assert!(md.contains(&format!("### {} ", t.name)), "{}", t.name);
            assert!(page.contains(&format!("<h2 id=\"{0}\">{0} ", t.name)), "{}", t.name);
            // The table of contents links every target, and the description shows no backtick.
            assert!(page.contains(&format!("<a href=\"#{0}\">{0}</a>", t.name)), "{}", t.name);
            assert!(md.contains(&format!("](#{})", t.destination)), "{}", t.destination);
        }
        assert!(page.contains("<nav><h2>Contents</h2>") && md.contains("## Contents"));
        assert!(page.contains("<div class=\"wide\">"), "wide tables scroll instead of being cut off");
        let prose: String =
            page.split("<code>").map(|p| p.split_once("</code>").map(|(_, rest)| rest).unwrap_or(p)).collect();
        assert!(!prose.contains('`'), "Markdown code spans are HTML <code> in the page");
        assert!(!page.contains("<script"), "no markup leaks in from the SQL");
        for u in udf::docs() {
            assert!(md.contains(&format!("| `{}`", md_cell(&u.syntax))), "{}", u.name);
            assert!(page.contains(&format!("<code>{}</code>", esc(&u.syntax))), "{}", u.name);
        }
    }

    #[test]
    fn a_transformation_is_named_only_where_it_is_called() {
        assert!(calls("conditional_lookup('d', \"x\")", "conditional_lookup"));
        assert!(!calls("conditional_lookup('d', \"x\")", "lookup"));
        assert!(calls("coalesce(lookup('d', \"x\"), '')", "lookup"));
        assert!(!calls("casrec_date_x(\"x\")", "casrec_date"));
        assert!(calls("current_date()", "current_date"));
    }
}
