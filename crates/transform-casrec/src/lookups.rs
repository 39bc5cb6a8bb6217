//! Code lookups, from `mappings/lookups/<name>.csv` (columns `code,value`), built into the
//! binary. Each is registered as a table `lookup_<name>(code, value)` for SQL that joins, and
//! serves the `lookup(...)` UDF, which also records unknown codes as exceptions.

use std::collections::BTreeMap;
use std::sync::Arc;

use arrow::array::StringArray;
use arrow::datatypes::{DataType, Field, Schema};
use arrow::record_batch::RecordBatch;
use datafusion::datasource::MemTable;
use datafusion::prelude::SessionContext;
use include_dir::{include_dir, Dir};

use crate::functions::Lookup;
use crate::TransformError;

pub static MAPPINGS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/mappings");

/// Every lookup by name (the file stem).
#[derive(Debug, Clone, Default)]
pub struct Lookups {
    pub tables: BTreeMap<String, (Lookup, Vec<(String, String)>)>,
}

impl Lookups {
    pub fn load() -> Result<Lookups, TransformError> {
        let dir = MAPPINGS.get_dir("lookups").ok_or_else(|| TransformError::Mapping {
            file: "mappings/lookups".into(),
            message: "the lookups folder is missing from the build".into(),
        })?;
        let mut tables = BTreeMap::new();
        for f in dir.files() {
            let path = f.path().display().to_string();
            let Some(name) = f.path().file_stem().and_then(|s| s.to_str()) else { continue };
            if f.path().extension().and_then(|e| e.to_str()) != Some("csv") {
                continue;
            }
            let mut rdr = csv::ReaderBuilder::new().has_headers(true).from_reader(f.contents());
            let headers =
                rdr.headers().map_err(|e| TransformError::Mapping { file: path.clone(), message: e.to_string() })?;
            if headers.iter().collect::<Vec<_>>() != ["code", "value"] {
                return Err(TransformError::Mapping {
                    file: path,
                    message: "header must be exactly code,value".into(),
                });
            }
            let mut pairs = Vec::new();
            for (i, rec) in rdr.records().enumerate() {
                let rec = rec.map_err(|e| TransformError::Mapping {
                    file: path.clone(),
                    message: format!("line {}: {e}", i + 2),
                })?;
                let code = rec.get(0).unwrap_or_default().to_string();
                if pairs.iter().any(|(c, _): &(String, String)| *c == code) {
                    return Err(TransformError::Mapping {
                        file: path.clone(),
                        message: format!("line {}: code {code:?} twice", i + 2),
                    });
                }
                pairs.push((code, rec.get(1).unwrap_or_default().to_string()));
            }
            let lookup = Lookup::from_pairs(name, pairs.clone());
            tables.insert(name.to_string(), (lookup, pairs));
        }
        Ok(Lookups { tables })
    }

    pub fn get(&self, name: &str) -> Option<&Lookup> {
        self.tables.get(name).map(|(l, _)| l)
    }

    /// Registers each lookup as `lookup_<name>(code, value)`.
    pub fn register(&self, ctx: &SessionContext) -> datafusion::error::Result<()> {
        let schema = Arc::new(Schema::new(vec![
            Field::new("code", DataType::Utf8, false),
            Field::new("value", DataType::Utf8, false),
        ]));
        for (name, (_, pairs)) in &self.tables {
            let batch = RecordBatch::try_new(
                schema.clone(),
                vec![
                    Arc::new(StringArray::from_iter_values(pairs.iter().map(|p| p.0.as_str()))),
                    Arc::new(StringArray::from_iter_values(pairs.iter().map(|p| p.1.as_str()))),
                ],
            )?;
            let table = MemTable::try_new(schema.clone(), vec![vec![batch]])?;
            ctx.register_table(format!("lookup_{name}"), Arc::new(table))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lookup_file_loads_with_unique_codes() {
        let l = Lookups::load().unwrap();
        assert!(l.tables.len() >= 19);
        assert_eq!(l.get("order_type").unwrap().get("2"), Some("hw"));
        assert_eq!(l.get("accommodation_type").unwrap().get(""), Some("NO ACCOMMODATION TYPE"));
        assert_eq!(l.get("deputy_status").unwrap().get("99"), Some("DECEASED"));
    }

    /// The working-day calendar reads every code of `bank_holidays` as a date; one that did not
    /// parse would silently be a working day.
    #[test]
    fn every_bank_holiday_is_a_weekday_date() {
        use chrono::Datelike;
        let l = Lookups::load().unwrap();
        let (_, days) = &l.tables["bank_holidays"];
        assert!(days.len() > 250, "1995 to 2030");
        for (code, name) in days {
            let d: chrono::NaiveDate = code.parse().unwrap_or_else(|e| panic!("{code} ({name}): {e}"));
            assert!(d.weekday().num_days_from_monday() < 5, "{code} ({name}) falls on a weekend");
        }
        assert!(days.iter().any(|(c, _)| c == "2022-09-19"), "the state funeral");
    }
}
