//! The crate's one error type. Every variant says which Step Functions call failed and on what,
//! because an operator reading "service error" alone cannot tell a missing permission from a
//! wrong region or a typo in a state machine's name.

/// What went wrong talking to Step Functions.
#[derive(Debug, thiserror::Error)]
pub enum SfnError {
    /// A Step Functions API call failed: `message` is the SDK's error with its whole source
    /// chain (the service's error code and message, or the connection failure).
    #[error("Step Functions {operation} for {target} failed: {message}")]
    Call {
        /// The API operation, e.g. `DescribeExecution`.
        operation: &'static str,
        /// What it was called for: a state machine's name or ARN, or an execution's ARN.
        target: String,
        message: String,
    },

    /// No state machine of that name is visible to these credentials in this region.
    #[error("no state machine named {name:?} in this account and region ({})", describe_seen(.seen, *.total))]
    StateMachineNotFound {
        name: String,
        /// Some of the names that were found, to spot a typo or a wrong environment.
        seen: Vec<String>,
        /// How many state machines were listed in all.
        total: usize,
    },
}

fn describe_seen(seen: &[String], total: usize) -> String {
    match total {
        0 => "there are none".to_string(),
        _ if seen.len() < total => format!("{total} found, among them {}", seen.join(", ")),
        _ => format!("found: {}", seen.join(", ")),
    }
}

impl SfnError {
    pub(crate) fn call<E>(operation: &'static str, target: impl Into<String>, err: &E) -> Self
    where
        E: std::error::Error + 'static,
    {
        SfnError::Call { operation, target: target.into(), message: error_text(err) }
    }
}

/// The error's text followed by each of its sources: the SDK's top-level `Display` is often just
/// "service error" or "dispatch failure", and the useful part is further down the chain.
pub(crate) fn error_text<E: std::error::Error + 'static>(e: &E) -> String {
    let mut text = e.to_string();
    let mut cur: Option<&(dyn std::error::Error + 'static)> = e.source();
    while let Some(s) = cur {
        let next = s.to_string();
        // Some SDK layers repeat their source's text verbatim; say it once.
        if !text.ends_with(&next) {
            text.push_str(": ");
            text.push_str(&next);
        }
        cur = s.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_found_names_the_machine_and_what_exists() {
        let none = SfnError::StateMachineNotFound { name: "casrec-dev".into(), seen: vec![], total: 0 };
        assert_eq!(
            none.to_string(),
            "no state machine named \"casrec-dev\" in this account and region (there are none)"
        );
        let some =
            SfnError::StateMachineNotFound { name: "casrec-dev".into(), seen: vec!["a".into(), "b".into()], total: 5 };
        assert!(some.to_string().contains("5 found, among them a, b"), "{some}");
    }

    #[test]
    fn error_text_follows_the_source_chain() {
        #[derive(Debug, thiserror::Error)]
        #[error("outer")]
        struct Outer(#[source] std::io::Error);
        let e = Outer(std::io::Error::other("connection refused"));
        assert_eq!(error_text(&e), "outer: connection refused");
    }
}
