//! The parts the transform runs in, so that the state machine can fan it out: the scope first,
//! then each wave's entity groups (one task each, a wave's groups side by side), then `finish`,
//! which numbers ids across groups and completes the step. `migrate run` runs the same parts in
//! one process, a wave's groups concurrently.

use std::fmt;
use std::str::FromStr;

use crate::targets::{Target, TARGETS};
use crate::TransformError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// Decide the case scope and clear the transform schema for the run.
    Scope,
    /// Build the targets of one entity in one wave.
    Group { wave: u8, entity: &'static str },
    /// Check every group was built in this run, then number ids across groups.
    Finish,
}

impl Part {
    pub fn targets(self) -> Vec<&'static Target> {
        match self {
            Part::Group { wave, entity } => TARGETS.iter().filter(|t| t.wave() == wave && t.entity == entity).collect(),
            _ => Vec::new(),
        }
    }

    /// The group that builds a target.
    pub fn of(target: &Target) -> Part {
        Part::Group { wave: target.wave(), entity: target.entity }
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Part::Scope => f.write_str("scope"),
            Part::Group { wave, entity } => write!(f, "wave{wave}/{entity}"),
            Part::Finish => f.write_str(migration_core::pipeline::COMPLETING_PART),
        }
    }
}

impl FromStr for Part {
    type Err = TransformError;

    fn from_str(s: &str) -> Result<Part, TransformError> {
        let wanted = s.trim();
        stages().into_iter().flatten().find(|p| p.to_string() == wanted).ok_or_else(|| TransformError::Part {
            part: s.to_string(),
            message: format!(
                "unknown part; the parts are: {}",
                stages().iter().flatten().map(|p| p.to_string()).collect::<Vec<_>>().join(", ")
            ),
        })
    }
}

/// The parts in the order they must run; the parts of one stage may run at the same time.
pub fn stages() -> Vec<Vec<Part>> {
    let mut waves: Vec<u8> = TARGETS.iter().map(|t| t.wave()).collect();
    waves.sort();
    waves.dedup();
    let mut out = vec![vec![Part::Scope]];
    for wave in waves {
        let mut groups: Vec<Part> = Vec::new();
        for t in TARGETS.iter().filter(|t| t.wave() == wave) {
            let p = Part::of(t);
            if !groups.contains(&p) {
                groups.push(p);
            }
        }
        out.push(groups);
    }
    out.push(vec![Part::Finish]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_is_built_by_exactly_one_part() {
        let parts: Vec<Part> = stages().into_iter().flatten().collect();
        for t in TARGETS {
            let building: Vec<&Part> = parts.iter().filter(|p| p.targets().iter().any(|x| x.name == t.name)).collect();
            assert_eq!(building.len(), 1, "{} is built by {building:?}", t.name);
        }
    }

    #[test]
    fn scope_comes_first_and_finish_last() {
        let s = stages();
        assert_eq!(s.first().unwrap(), &vec![Part::Scope]);
        assert_eq!(s.last().unwrap(), &vec![Part::Finish]);
        assert!(s.len() >= 3);
    }

    #[test]
    fn parts_parse_from_their_names() {
        for p in stages().into_iter().flatten() {
            assert_eq!(p.to_string().parse::<Part>().unwrap(), p);
        }
        assert_eq!("wave1/cases".parse::<Part>().unwrap(), Part::Group { wave: 1, entity: "cases" });
        let err = "wave9/cases".parse::<Part>().unwrap_err().to_string();
        assert!(err.contains("scope, wave1/cases"), "{err}");
    }
}
