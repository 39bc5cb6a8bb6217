//! The one definition of the pipeline's steps and their order. The CLI, the Step Functions
//! state machine and the docs all read it.

use std::fmt;
use std::str::FromStr;

use crate::config::Environment;
use crate::error::CoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    LoadS3,
    Prepare,
    LoadCasrec,
    TransformCasrec,
    Integration,
    LoadToTarget,
    Validation,
}

impl Step {
    /// Every step in the order the pipeline runs them.
    pub const ALL: [Step; 7] = [
        Step::LoadS3,
        Step::Prepare,
        Step::LoadCasrec,
        Step::TransformCasrec,
        Step::Integration,
        Step::LoadToTarget,
        Step::Validation,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Step::LoadS3 => "load-s3",
            Step::Prepare => "prepare",
            Step::LoadCasrec => "load-casrec",
            Step::TransformCasrec => "transform-casrec",
            Step::Integration => "integration",
            Step::LoadToTarget => "load-to-target",
            Step::Validation => "validation",
        }
    }

    /// What the step's rows in and out count: each step has its own unit.
    pub fn unit(self) -> &'static str {
        match self {
            Step::LoadS3 => "files",
            Step::Prepare => "Sirius tables",
            Step::Validation => "checks",
            _ => "rows",
        }
    }

    /// Looks a step up by the name the ledger records.
    pub fn named(name: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.name() == name)
    }

    pub fn description(self) -> &'static str {
        match self {
            Step::LoadS3 => "upload the local CasRec CSV files to the bucket (local and development only)",
            Step::Prepare => "create the migration schemas, check Sirius and record its starting point",
            Step::LoadCasrec => "load every CasRec CSV from S3 into casrec_csv, rejects accounted for",
            Step::TransformCasrec => "map casrec_csv rows to Sirius-shaped rows in transform",
            Step::Integration => "allocate Sirius ids and uids, match existing records, stage rows",
            Step::LoadToTarget => "write staged rows into Sirius, audited and reversible",
            Step::Validation => "compare expected with actual, record exceptions, write the report",
        }
    }

    /// Whether the step belongs in a run in this environment. load-s3 exists to get local files
    /// into a bucket; in the real environments CasRec's export is already there.
    pub fn runs_in(self, env: Environment) -> bool {
        match self {
            Step::LoadS3 => matches!(env, Environment::Local | Environment::Development),
            _ => true,
        }
    }

    /// Whether the step writes to Sirius (and so is guarded in production).
    pub fn writes_to_sirius(self) -> bool {
        matches!(self, Step::LoadToTarget)
    }

    /// Whether the step can run in parts (`--part`), one task each, so that the state machine
    /// can fan it out; the parts themselves are the step's own business.
    pub fn runs_in_parts(self) -> bool {
        matches!(self, Step::TransformCasrec)
    }

    pub fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).expect("every step is in ALL")
    }

    pub fn previous(self) -> Option<Step> {
        self.index().checked_sub(1).map(|i| Step::ALL[i])
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Step {
    type Err = CoreError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().replace('_', "-");
        Step::ALL.into_iter().find(|st| st.name() == wanted).ok_or_else(|| {
            CoreError::Pipeline(format!("unknown step {s:?}; steps are: {}", Step::ALL.map(|s| s.name()).join(", ")))
        })
    }
}

/// The part that completes a step run in parts: the step counts as done (for resume) only when
/// this part has succeeded. Each other part is recorded too, but finishes nothing on its own.
pub const COMPLETING_PART: &str = "finish";

/// The steps from `from` to `to` inclusive that run in `env`, in order.
pub fn plan(env: Environment, from: Option<Step>, to: Option<Step>) -> Result<Vec<Step>, CoreError> {
    let from = from.unwrap_or(Step::ALL[0]);
    let to = to.unwrap_or(Step::ALL[Step::ALL.len() - 1]);
    if from > to {
        return Err(CoreError::Pipeline(format!("--from {from} comes after --to {to}")));
    }
    Ok(Step::ALL.into_iter().filter(|s| *s >= from && *s <= to && s.runs_in(env)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_run_in_the_defined_order() {
        let names: Vec<_> = Step::ALL.iter().map(|s| s.name()).collect();
        assert_eq!(
            names,
            ["load-s3", "prepare", "load-casrec", "transform-casrec", "integration", "load-to-target", "validation"]
        );
    }

    #[test]
    fn load_s3_is_left_out_outside_local_and_development() {
        let prod = plan(Environment::Production, None, None).unwrap();
        assert_eq!(prod.first(), Some(&Step::Prepare));
        let local = plan(Environment::Local, None, None).unwrap();
        assert_eq!(local.first(), Some(&Step::LoadS3));
    }

    #[test]
    fn from_and_to_select_a_slice() {
        let p = plan(Environment::Local, Some(Step::TransformCasrec), Some(Step::LoadToTarget)).unwrap();
        assert_eq!(p, vec![Step::TransformCasrec, Step::Integration, Step::LoadToTarget]);
        assert!(plan(Environment::Local, Some(Step::Validation), Some(Step::Prepare)).is_err());
    }

    #[test]
    fn step_names_parse_with_dashes_or_underscores() {
        assert_eq!("load_casrec".parse::<Step>().unwrap(), Step::LoadCasrec);
        let err = "load".parse::<Step>().unwrap_err().to_string();
        assert!(err.contains("load-s3, prepare"), "{err}");
    }
}
