//! The AWS SDK configuration the project's clients (S3, Step Functions) are built from. Against
//! AWS itself credentials come from the standard chain (environment, profile, SSO, task role); a
//! custom endpoint (moto, the embedded S3, any S3-compatible server) gets static credentials
//! instead: the environment's `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` (and
//! `AWS_SESSION_TOKEN`) when both keys are set, else a placeholder pair local endpoints accept.
//! Building the configuration makes no request: a wrong endpoint or missing credentials show up
//! on the client's first call.

use std::time::Duration;

use aws_config::timeout::TimeoutConfig;
use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_credential_types::Credentials;

/// The configuration for `endpoint` (None: AWS itself) in `region`, giving up on a TCP connection
/// after `connect_timeout`.
pub async fn sdk_config(endpoint: Option<&str>, region: &str, connect_timeout: Duration) -> SdkConfig {
    let loader = aws_config::defaults(BehaviorVersion::latest())
        .region(Region::new(region.to_string()))
        .timeout_config(TimeoutConfig::builder().connect_timeout(connect_timeout).build());
    match endpoint {
        Some(url) => loader.endpoint_url(url).credentials_provider(credentials(LOCAL)).load().await,
        None => loader.load().await,
    }
}

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

    #[tokio::test]
    async fn a_custom_endpoint_gets_static_credentials_and_its_url() {
        use aws_credential_types::provider::ProvideCredentials;
        let c = sdk_config(Some("http://127.0.0.1:9"), "eu-west-1", Duration::from_secs(1)).await;
        assert_eq!(c.endpoint_url(), Some("http://127.0.0.1:9"));
        assert_eq!(c.region().map(|r| r.as_ref()), Some("eu-west-1"));
        let creds = c.credentials_provider().unwrap().provide_credentials().await.unwrap();
        assert!(!creds.access_key_id().is_empty());
        assert_eq!(c.timeout_config().and_then(|t| t.connect_timeout()), Some(Duration::from_secs(1)));
    }

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
