//! Lookups (`lookup_table` + `default_value`) and the conditional lookup.
//!
//! Lookup files are `{"<CasRec code>": {"sirius_mapping": <value>}, ...}`. Codes match by exact
//! string equality — case- and whitespace-sensitive, no trimming (some real keys have a leading
//! space, e.g. `termby_type_lookup` `" O"`).

use super::{ErrorKind, OriginalBehaviour, TransformError};
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// A code → Sirius value table. Values are kept as SQL text: strings verbatim, integers in decimal,
/// booleans as `true`/`false`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lookup {
    name: String,
    map: HashMap<String, String>,
}

impl Lookup {
    /// Reads a lookup file's JSON text. `name` (the file stem, e.g. `title_codes_lookup`) is used in
    /// error messages. Each entry must be an object with a `sirius_mapping` that is a string,
    /// integer, boolean or (integral) number; `null` is read as `""`.
    pub fn from_json(name: &str, json: &str) -> Result<Lookup, TransformError> {
        const F: &str = "lookup";
        let bad = |reason: String| {
            TransformError::new(F, name, ErrorKind::InvalidDefinition, reason, OriginalBehaviour::Aborted)
        };
        let root: Value = serde_json::from_str(json).map_err(|e| bad(format!("not JSON: {e}")))?;
        let Value::Object(entries) = root else { return Err(bad("top level is not an object".to_string())) };
        let mut map = HashMap::with_capacity(entries.len());
        for (code, entry) in entries {
            let value =
                entry.get("sirius_mapping").ok_or_else(|| bad(format!("code {code:?} has no sirius_mapping")))?;
            let text =
                json_scalar_text(value).ok_or_else(|| bad(format!("code {code:?}: unsupported value {value}")))?;
            map.insert(code, text);
        }
        Ok(Lookup { name: name.to_string(), map })
    }

    /// Builds a lookup from (code, value) pairs.
    pub fn from_pairs<K: Into<String>, V: Into<String>>(name: &str, pairs: impl IntoIterator<Item = (K, V)>) -> Lookup {
        Lookup { name: name.to_string(), map: pairs.into_iter().map(|(k, v)| (k.into(), v.into())).collect() }
    }

    /// The lookup's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The value for `code` (exact match), if `code` is a key.
    pub fn get(&self, code: &str) -> Option<&str> {
        self.map.get(code).map(String::as_str)
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// `true` if the lookup has no codes (the original only logged an error for an empty file).
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

fn json_scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null => Some(String::new()),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Some(i.to_string())
            } else if let Some(u) = n.as_u64() {
                Some(u.to_string())
            } else {
                let f = n.as_f64()?;
                if f.fract() == 0.0 && f.abs() < 9.0e15 {
                    Some(format!("{}", f as i64))
                } else {
                    Some(f.to_string())
                }
            }
        }
        Value::Array(_) | Value::Object(_) => None,
    }
}

/// The text of a mapping field's `default_value` as the defaults stage uses it:
///
/// * `""` → `None` (the field has no default);
/// * `"none"` → `Some("")` (an explicit empty default, written as NULL);
/// * any other string → itself; `true`/`false` → `"true"`/`"false"`; integers and integral numbers
///   (`2657.0`) → `"2657"` (the original's int coercion turned `2657.0` into 2657); other numbers
///   in decimal; JSON `null` → `None`.
pub fn default_value_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if s.is_empty() => None,
        Value::String(s) if s == "none" => Some(String::new()),
        Value::Null => None,
        other => json_scalar_text(other),
    }
}

/// A lookup field (`lookup_table`, optionally with `default_value`), with the original's
/// interaction of defaults (which ran first) and the lookup's fill-with-default. The result is
/// NULL-normalised: `Ok(None)` stands for both NULL and `''` (nothing after the lookup stage
/// distinguished them).
///
/// | input | field has default `D` | field has no default |
/// |---|---|---|
/// | a key `k` (not blank) | `map[k]` | `map[k]` |
/// | blank `""` | `D` | `map[""]` if `""` is a key, else NULL |
/// | NULL | `D` | NULL |
/// | unknown code | error, fallback `D` | error, fallback NULL |
///
/// A mapped value of `""` gives NULL (the fill does not apply to it). `default` is the text from
/// [`default_value_text`]; `Some("")` (the mapping's `"none"`) behaves as "no value" in every row.
///
/// Unknown codes: the original silently wrote the fallback; here the function returns
/// `Err(TransformError { kind: UnknownCode, fallback, original: Silent, .. })` so that the caller
/// can record the row — write `fallback` to reproduce the original output.
///
/// Deliberate difference (§6.6): the original passed the *default itself* through the lookup (a
/// blank value became `D`, then `map[D]` if `D` happened to be a key). Here a blank value with a
/// default gives `D`. No mapping at HEAD has a default that is also a key of its lookup, so the
/// output is identical for all of them.
pub fn lookup(map: &Lookup, code: Option<&str>, default: Option<&str>) -> Result<Option<String>, TransformError> {
    let nonempty = |s: Option<&str>| s.filter(|v| !v.is_empty()).map(str::to_string);
    match code {
        None => Ok(nonempty(default)),
        Some("") if default.is_some() => Ok(nonempty(default)),
        Some(c) => match map.get(c) {
            Some(v) => Ok(nonempty(Some(v))),
            None if c.is_empty() => Ok(None),
            None => Err(TransformError::new(
                "lookup",
                c,
                ErrorKind::UnknownCode,
                format!("code is not in {}", map.name()),
                OriginalBehaviour::Silent,
            )
            .with_fallback(nonempty(default))),
        },
    }
}

/// A conditional lookup prepared for one field: the lookup maps a *condition code* to the name of
/// the CasRec column whose raw value is to be copied.
///
/// Used at HEAD by client_persons `dateofdeath` (`Term Date` if `Term Type` = `D`, via
/// `date_of_death_lookup`), deputy_persons `dateofdeath` (`Disch Death` if `Stat` = `99`) and
/// order_deputy `statuschangedate` (`Disch Death` if `Stat` = `1`, sic).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionalLookup {
    data_column: String,
    codes: HashSet<String>,
}

impl ConditionalLookup {
    /// `data_column` is the field's alias (the CasRec column name the lookup values refer to).
    pub fn new(lookup: &Lookup, data_column: &str) -> ConditionalLookup {
        let codes = lookup.map.iter().filter(|(_, v)| v.as_str() == data_column).map(|(k, _)| k.clone()).collect();
        ConditionalLookup { data_column: data_column.to_string(), codes }
    }

    /// [`Lookup::from_json`] followed by [`ConditionalLookup::new`].
    pub fn from_json(name: &str, json: &str, data_column: &str) -> Result<ConditionalLookup, TransformError> {
        Lookup::from_json(name, json)
            .map(|l| ConditionalLookup::new(&l, data_column))
            .map_err(|e| e.in_function("conditional_lookup"))
    }

    /// The data column this lookup copies.
    pub fn data_column(&self) -> &str {
        &self.data_column
    }

    /// The raw `value` if `lookup[condition]` names the data column, else NULL. The condition
    /// matches exactly (`d` does not match `D`; NULL and blank match only a `""`/`null` key).
    /// The value is copied verbatim, blank included; the date coercion that follows turns blank
    /// into NULL.
    pub fn apply<'a>(&self, condition: Option<&str>, value: Option<&'a str>) -> Option<&'a str> {
        let cond = condition?;
        if self.codes.contains(cond) {
            value
        } else {
            None
        }
    }
}

/// `conditional_lookup` in one call: `value` if `lookup[condition] == data_column`, else NULL.
/// See [`ConditionalLookup`] (prefer it in a loop: it prepares the matching codes once).
///
/// The original found the data column with an unescaped regex (`^alias$`, `^alias <digits>$`,
/// `^alias $`) and compared the lookup value with the *matched column's* name; with the alias
/// itself present that is the alias, as here. Non-matches were None (the unit test expected `""`;
/// both are written as NULL).
pub fn conditional_lookup<'a>(
    lookup: &Lookup,
    data_column: &str,
    condition: Option<&str>,
    value: Option<&'a str>,
) -> Option<&'a str> {
    let cond = condition?;
    if lookup.get(cond) == Some(data_column) {
        value
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles() -> Lookup {
        Lookup::from_pairs("title_mock", [("1", "Miss"), ("2", "Ms"), ("3", "Mr"), ("4", "Sir")])
    }

    fn run(l: &Lookup, code: Option<&str>, default: Option<&str>) -> Option<String> {
        match lookup(l, code, default) {
            Ok(v) => v,
            Err(e) => e.fallback,
        }
    }

    // §5.2 lookups fact: 1,2,3,4,3,1000,None → Miss, Ms, Mr, Sir, Mr, "", "" (or Captain with a default).
    #[test]
    fn lookup_facts() {
        let l = titles();
        let codes = [Some("1"), Some("2"), Some("3"), Some("4"), Some("3"), Some("1000"), None];
        let got: Vec<Option<String>> = codes.iter().map(|c| run(&l, *c, None)).collect();
        let want = ["Miss", "Ms", "Mr", "Sir", "Mr"]
            .iter()
            .map(|s| Some(s.to_string()))
            .chain([None, None])
            .collect::<Vec<_>>();
        assert_eq!(got, want);
        let got: Vec<Option<String>> = codes.iter().map(|c| run(&l, *c, Some("Captain"))).collect();
        let want = ["Miss", "Ms", "Mr", "Sir", "Mr", "Captain", "Captain"]
            .iter()
            .map(|s| Some(s.to_string()))
            .collect::<Vec<_>>();
        assert_eq!(got, want);
        // The unknown code is reported, with the original's output as fallback.
        let e = lookup(&l, Some("1000"), Some("Captain")).expect_err("unknown");
        assert_eq!(
            (e.kind, e.original, e.fallback.as_deref(), e.value.as_str()),
            (ErrorKind::UnknownCode, OriginalBehaviour::Silent, Some("Captain"), "1000")
        );
    }

    // §3.6 verified examples.
    #[test]
    fn lookup_with_and_without_defaults() {
        let notes = Lookup::from_pairs("note_type_lookup", [("R1", "IMPORTANT_COMMENTS")]);
        assert_eq!(lookup(&notes, Some("R1"), Some("not mapped")), Ok(Some("IMPORTANT_COMMENTS".into())));
        assert_eq!(lookup(&notes, Some(""), Some("not mapped")), Ok(Some("not mapped".into())));
        assert_eq!(run(&notes, Some("ZZ"), Some("not mapped")).as_deref(), Some("not mapped"));
        let assignee = Lookup::from_pairs("assignee_lookup", [("B01", "2455")]);
        assert_eq!(lookup(&assignee, Some("B01"), Some("2657")), Ok(Some("2455".into())));
        assert_eq!(lookup(&assignee, Some(""), Some("2657")), Ok(Some("2657".into())));
        assert_eq!(lookup(&assignee, None, Some("2657")), Ok(Some("2657".into())));
        let accom = Lookup::from_pairs(
            "accommodation_type_lookup",
            [("", "NO ACCOMMODATION TYPE"), ("RCH", ""), ("H", "HOME")],
        );
        assert_eq!(lookup(&accom, Some(""), None), Ok(Some("NO ACCOMMODATION TYPE".into())));
        assert_eq!(lookup(&accom, Some("RCH"), None), Ok(None));
        assert_eq!(run(&accom, Some("ZZZ"), None), None);
        assert_eq!(lookup(&accom, None, None), Ok(None));
        let corres = Lookup::from_pairs("corres_indicator_lookup", [("Y", "true"), ("N", "false"), ("", "false")]);
        assert_eq!(lookup(&corres, Some("Y"), Some("false")), Ok(Some("true".into())));
        assert_eq!(lookup(&corres, Some("N"), Some("false")), Ok(Some("false".into())));
        assert_eq!(lookup(&corres, Some(""), Some("false")), Ok(Some("false".into())));
        assert_eq!(run(&corres, Some("X"), Some("false")).as_deref(), Some("false"));
        // Blank without a "" key and without default → NULL, not an error.
        assert_eq!(lookup(&titles(), Some(""), None), Ok(None));
        // Explicit empty default ("none").
        assert_eq!(lookup(&titles(), Some(""), Some("")), Ok(None));
        assert_eq!(run(&titles(), Some("9"), Some("")), None);
    }

    #[test]
    fn lookup_is_exact_no_trim_no_case_folding() {
        let l = Lookup::from_pairs("termby_type_lookup", [(" O", "OTHER"), ("D", "DEPUTY")]);
        assert_eq!(lookup(&l, Some(" O"), None), Ok(Some("OTHER".into())));
        assert_eq!(lookup(&l, Some("O"), None).expect_err("unknown").kind, ErrorKind::UnknownCode);
        assert_eq!(lookup(&l, Some("d"), None).expect_err("unknown").kind, ErrorKind::UnknownCode);
        assert_eq!(lookup(&l, Some(" "), None).expect_err("unknown").value, " ");
    }

    #[test]
    fn lookup_from_json_and_defaults() {
        let json = r#"{"1": {"sirius_mapping": "Mr"}, "B01": {"sirius_mapping": 2455}, "Y": {"sirius_mapping": true},
                      "N": {"sirius_mapping": false}, "X": {"sirius_mapping": 7.0}, "": {"sirius_mapping": null}}"#;
        let l = Lookup::from_json("mixed", json).expect("valid");
        assert_eq!(l.len(), 6);
        assert!(!l.is_empty());
        assert_eq!(l.name(), "mixed");
        assert_eq!(l.get("1"), Some("Mr"));
        assert_eq!(l.get("B01"), Some("2455"));
        assert_eq!(l.get("Y"), Some("true"));
        assert_eq!(l.get("N"), Some("false"));
        assert_eq!(l.get("X"), Some("7"));
        assert_eq!(l.get(""), Some(""));
        for bad in ["[]", "{", r#"{"1": {"x": 1}}"#, r#"{"1": {"sirius_mapping": [1]}}"#] {
            let e = Lookup::from_json("bad", bad).expect_err(bad);
            assert_eq!(e.kind, ErrorKind::InvalidDefinition);
        }
        assert_eq!(default_value_text(&Value::from("")), None);
        assert_eq!(default_value_text(&Value::from("none")), Some(String::new()));
        assert_eq!(default_value_text(&Value::from("not mapped")), Some("not mapped".into()));
        assert_eq!(default_value_text(&Value::from(false)), Some("false".into()));
        assert_eq!(default_value_text(&Value::from(0)), Some("0".into()));
        assert_eq!(default_value_text(&Value::from(2657.0)), Some("2657".into()));
        assert_eq!(default_value_text(&Value::from(0.5)), Some("0.5".into()));
        assert_eq!(default_value_text(&Value::Null), None);
    }

    // §5.2 conditional lookup: mock {D: "Term Date"}, Term Types D, E, "", 0, d.
    #[test]
    fn conditional_lookup_facts() {
        let l = Lookup::from_pairs("date_of_death_lookup", [("D", "Term Date")]);
        let cl = ConditionalLookup::new(&l, "Term Date");
        assert_eq!(cl.data_column(), "Term Date");
        let rows = [
            ("2020-01-01", Some("D"), Some("2020-01-01")),
            ("2020-02-02", Some("E"), None),
            ("2020-03-03", Some(""), None),
            ("2020-04-04", Some("0"), None),
            // The unit test's intent was 2020-05-05 for "d"; the real code (and this) does not match it.
            ("2020-05-05", Some("d"), None),
            ("2020-06-06", None, None),
        ];
        for (value, cond, want) in rows {
            assert_eq!(cl.apply(cond, Some(value)), want, "{cond:?}");
            assert_eq!(conditional_lookup(&l, "Term Date", cond, Some(value)), want, "{cond:?}");
        }
        // Blank data value is copied verbatim (then coerced to NULL); NULL stays NULL.
        assert_eq!(cl.apply(Some("D"), Some("")), Some(""));
        assert_eq!(cl.apply(Some("D"), None), None);
        // A lookup naming another column never matches.
        let other = ConditionalLookup::new(&l, "Disch Death");
        assert_eq!(other.apply(Some("D"), Some("2020-01-01")), None);
        let deputy = ConditionalLookup::from_json(
            "deputy_date_of_death_lookup",
            r#"{"99": {"sirius_mapping": "Disch Death"}}"#,
            "Disch Death",
        )
        .expect("valid");
        assert_eq!(deputy.apply(Some("99"), Some("2019-01-01 00:00:00")), Some("2019-01-01 00:00:00"));
        assert_eq!(deputy.apply(Some("1"), Some("2019-01-01 00:00:00")), None);
        assert_eq!(ConditionalLookup::from_json("x", "nope", "A").expect_err("bad").function, "conditional_lookup");
    }
}
