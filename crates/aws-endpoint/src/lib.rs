//! Credentials for an AWS client pointed at a custom endpoint. Against AWS itself the standard
//! chain (environment, profile, SSO, task role) is right; a custom endpoint (moto, the embedded
//! S3, any S3-compatible server) gets static credentials instead: the environment's
//! `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` (and `AWS_SESSION_TOKEN`) when both keys are set,
//! else the placeholder pair the caller names, which local endpoints accept.

use aws_credential_types::Credentials;

/// The key pair sent to a custom endpoint when the environment provides none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placeholder {
    pub access_key: &'static str,
    pub secret_key: &'static str,
}

/// The pair the project's local endpoints are started with.
pub const LOCAL: Placeholder = Placeholder { access_key: "casrec-local", secret_key: "casrec-local-secret" };

/// Static credentials for a custom endpoint, from the environment or else the placeholder.
pub fn credentials(placeholder: Placeholder) -> Credentials {
    from_values(
        std::env::var("AWS_ACCESS_KEY_ID").ok(),
        std::env::var("AWS_SECRET_ACCESS_KEY").ok(),
        std::env::var("AWS_SESSION_TOKEN").ok(),
        placeholder,
    )
}

fn from_values(id: Option<String>, secret: Option<String>, token: Option<String>, p: Placeholder) -> Credentials {
    match (id, secret) {
        (Some(id), Some(secret)) => Credentials::new(id, secret, token, None, "environment"),
        _ => Credentials::new(p.access_key, p.secret_key, None, None, "placeholder"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_keys_from_the_environment_win_with_the_session_token() {
        let c = from_values(Some("id".into()), Some("secret".into()), Some("token".into()), LOCAL);
        assert_eq!((c.access_key_id(), c.secret_access_key(), c.session_token()), ("id", "secret", Some("token")));
    }

    #[test]
    fn a_missing_key_falls_back_to_the_placeholder_pair() {
        for (id, secret) in [(None, Some("s".to_string())), (Some("i".to_string()), None), (None, None)] {
            let c = from_values(id, secret, Some("token".into()), LOCAL);
            assert_eq!(
                (c.access_key_id(), c.secret_access_key(), c.session_token()),
                (LOCAL.access_key, LOCAL.secret_key, None)
            );
        }
    }
}
