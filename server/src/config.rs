//! Configuration: a TOML file, then environment variables on top (`CW_SECTION__KEY`, e.g.
//! `CW_PARTNER_CENTER__BASE_URL`). Secrets may come from files (`*_file` keys) so that they can
//! be mounted from a secret store; their values never appear in `Debug` output or logs.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::providers::{Env, Format, Toml};
use figment::Figment;
use serde::Deserialize;

/// A secret string: shown as `<redacted>` by `Debug`, read only where it is sent.
#[derive(Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Address to listen on (`127.0.0.1:0` picks a free port; the log says which).
    #[serde(default = "d_listen")]
    pub listen: SocketAddr,
    /// The built app (`make build`), served at `/`.
    #[serde(default = "d_dist")]
    pub dist_dir: PathBuf,
    /// `json` (default, one object per line) or `text`.
    #[serde(default = "d_log_format")]
    pub log_format: String,
    pub partner_center: PartnerCenterConfig,
    pub token: TokenConfig,
    pub identity: IdentityConfig,
    #[serde(default)]
    pub partner: PartnerConfig,
    #[serde(default)]
    pub journal: JournalConfig,
    #[serde(default)]
    pub http: HttpConfig,
    #[serde(default)]
    pub app: AppConfig,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerCenterConfig {
    /// e.g. `https://api.partnercenter.microsoft.com` (no trailing `/v1`).
    pub base_url: String,
    /// Time limit of one call to Partner Center, connect to last byte.
    #[serde(default = "d_timeout")]
    pub timeout_secs: u64,
    /// Largest request body accepted from the browser.
    #[serde(default = "d_max_request")]
    pub max_request_bytes: usize,
    /// Largest answer accepted from Partner Center (an offer page is the biggest).
    #[serde(default = "d_max_response")]
    pub max_response_bytes: usize,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenConfig {
    /// The token endpoint, e.g. `https://login.microsoftonline.com/<tenant>/oauth2/token`.
    pub authority_url: String,
    pub client_id: String,
    #[serde(default)]
    pub client_secret: Secret,
    #[serde(default)]
    pub client_secret_file: Option<PathBuf>,
    #[serde(default)]
    pub refresh_token: Secret,
    /// Read at start and rewritten (atomically) when the authority rotates the refresh token.
    #[serde(default)]
    pub refresh_token_file: Option<PathBuf>,
    /// v1 endpoint: `resource`; v2.0 endpoint: set `scope` instead.
    #[serde(default = "d_resource")]
    pub resource: String,
    #[serde(default)]
    pub scope: Option<String>,
    /// Renew this long before the access token expires.
    #[serde(default = "d_renew_before")]
    pub renew_before_secs: u64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityConfig {
    /// `oidc` (bearer tokens from the portal's identity provider) or `headers` (a trusted
    /// reverse proxy sets identity headers and a shared secret).
    pub mode: String,
    #[serde(default)]
    pub oidc: Option<OidcConfig>,
    #[serde(default)]
    pub headers: Option<HeadersConfig>,
    /// Maps role values as the identity provider spells them to Partner Center's names
    /// (`AdminAgent`, `SalesAgent`, `GlobalAdmin`, `UserManagementAdmin`); unmapped values pass.
    #[serde(default)]
    pub role_map: std::collections::BTreeMap<String, String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OidcConfig {
    pub issuer: String,
    pub audience: String,
    /// Default: from `<issuer>/.well-known/openid-configuration`.
    #[serde(default)]
    pub jwks_url: Option<String>,
    #[serde(default = "d_roles_claim")]
    pub roles_claim: String,
    #[serde(default = "d_name_claim")]
    pub name_claim: String,
    #[serde(default = "d_leeway")]
    pub leeway_secs: u64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadersConfig {
    #[serde(default)]
    pub secret: Secret,
    #[serde(default)]
    pub secret_file: Option<PathBuf>,
    #[serde(default = "d_secret_header")]
    pub secret_header: String,
    #[serde(default = "d_user_header")]
    pub user_header: String,
    #[serde(default = "d_name_header")]
    pub name_header: String,
    #[serde(default = "d_roles_header")]
    pub roles_header: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerConfig {
    /// `direct` or `indirectProvider`.
    #[serde(default = "d_partner_type")]
    pub partner_type: String,
    /// `public` or `usgov`.
    #[serde(default = "d_cloud")]
    pub cloud: String,
    /// The partner's own email domain (the wizard refuses customer emails there).
    #[serde(default)]
    pub email_domain: String,
}

impl Default for PartnerConfig {
    fn default() -> Self {
        PartnerConfig {
            partner_type: d_partner_type(),
            cloud: d_cloud(),
            email_domain: String::new(),
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalConfig {
    /// `sqlite://cw-journal.db?mode=rwc` (one instance) or `postgres://...` (several).
    #[serde(default = "d_db")]
    pub database_url: String,
    /// How long an in-flight entry belongs to the instance that started it. After that another
    /// instance (or this one after a restart) may take it over. Default: the Partner Center
    /// timeout plus 5 s.
    #[serde(default)]
    pub lease_secs: Option<u64>,
    /// Finished entries are deleted after this many days.
    #[serde(default = "d_retention")]
    pub retention_days: u64,
}

impl Default for JournalConfig {
    fn default() -> Self {
        JournalConfig {
            database_url: d_db(),
            lease_secs: None,
            retention_days: d_retention(),
        }
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpConfig {
    /// Origins allowed to call the API and load the bundle from another origin (CORS). Empty:
    /// same origin only.
    #[serde(default)]
    pub cors_origins: Vec<String>,
    /// Who may frame the app (`frame-ancestors`); empty: nobody.
    #[serde(default)]
    pub frame_ancestors: Vec<String>,
    /// Send `Strict-Transport-Security` (when served over HTTPS, e.g. behind a TLS proxy).
    #[serde(default)]
    pub hsts: bool,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppConfig {
    /// The `api-base` written into the served index.html (default `/api`: this server).
    #[serde(default)]
    pub api_base: Option<String>,
    /// Local demos only: an `auth-header` ("Authorization: Bearer ...") written into the served
    /// index.html, standing in for a portal's sign-in. Never set it in production.
    #[serde(default)]
    pub dev_auth_header: Option<Secret>,
}

fn d_listen() -> SocketAddr {
    "127.0.0.1:8080".parse().unwrap()
}
fn d_dist() -> PathBuf {
    PathBuf::from("dist")
}
fn d_log_format() -> String {
    "json".into()
}
fn d_timeout() -> u64 {
    30
}
fn d_max_request() -> usize {
    64 * 1024
}
fn d_max_response() -> usize {
    16 * 1024 * 1024
}
fn d_resource() -> String {
    "https://api.partnercenter.microsoft.com".into()
}
fn d_renew_before() -> u64 {
    300
}
fn d_roles_claim() -> String {
    "roles".into()
}
fn d_name_claim() -> String {
    "name".into()
}
fn d_leeway() -> u64 {
    60
}
fn d_secret_header() -> String {
    "x-cw-proxy-secret".into()
}
fn d_user_header() -> String {
    "x-cw-user".into()
}
fn d_name_header() -> String {
    "x-cw-user-name".into()
}
fn d_roles_header() -> String {
    "x-cw-user-roles".into()
}
fn d_partner_type() -> String {
    "direct".into()
}
fn d_cloud() -> String {
    "public".into()
}
fn d_db() -> String {
    "sqlite://cw-journal.db?mode=rwc".into()
}
fn d_retention() -> u64 {
    7
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration: {0}")]
    Parse(String),
    #[error("configuration: {0}")]
    Invalid(String),
    #[error("configuration: cannot read {path}: {err}")]
    SecretFile { path: String, err: std::io::Error },
}

impl Config {
    /// Reads `path` (if given) and the `CW_*` environment variables, then secrets files, and
    /// checks the values.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let mut fig = Figment::new();
        if let Some(p) = path {
            fig = fig.merge(Toml::file_exact(p));
        }
        fig = fig.merge(Env::prefixed("CW_").split("__").ignore(&["config"]));
        let mut c: Config = fig
            .extract()
            .map_err(|e| ConfigError::Parse(e.to_string()))?;
        c.resolve_secrets()?;
        c.check()?;
        Ok(c)
    }

    /// Parses a TOML text (tests and tools).
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let mut c: Config = Figment::new()
            .merge(Toml::string(text))
            .extract()
            .map_err(|e| ConfigError::Parse(e.to_string()))?;
        c.resolve_secrets()?;
        c.check()?;
        Ok(c)
    }

    fn resolve_secrets(&mut self) -> Result<(), ConfigError> {
        fn read(p: &Path) -> Result<Secret, ConfigError> {
            std::fs::read_to_string(p)
                .map(|s| Secret(s.trim().to_string()))
                .map_err(|err| ConfigError::SecretFile {
                    path: p.display().to_string(),
                    err,
                })
        }
        if self.token.client_secret.is_empty() {
            if let Some(p) = &self.token.client_secret_file {
                self.token.client_secret = read(p)?;
            }
        }
        if let Some(p) = &self.token.refresh_token_file {
            // The file wins: it holds the latest rotated token.
            if p.exists() || self.token.refresh_token.is_empty() {
                self.token.refresh_token = read(p)?;
            }
        }
        if let Some(h) = &mut self.identity.headers {
            if h.secret.is_empty() {
                if let Some(p) = &h.secret_file {
                    h.secret = read(p)?;
                }
            }
        }
        Ok(())
    }

    fn check(&self) -> Result<(), ConfigError> {
        let bad = |m: &str| Err(ConfigError::Invalid(m.to_string()));
        let url_ok = |u: &str| u.starts_with("https://") || u.starts_with("http://");
        if !url_ok(&self.partner_center.base_url) {
            return bad("partner_center.base_url must be an http(s) URL");
        }
        if !url_ok(&self.token.authority_url) {
            return bad("token.authority_url must be an http(s) URL");
        }
        if self.token.client_id.is_empty()
            || self.token.client_secret.is_empty()
            || self.token.refresh_token.is_empty()
        {
            return bad("token.client_id, token.client_secret(_file) and token.refresh_token(_file) are required");
        }
        match self.identity.mode.as_str() {
            "oidc" if self.identity.oidc.is_some() => {}
            "oidc" => return bad("identity.mode = \"oidc\" needs an [identity.oidc] section"),
            "headers" => match &self.identity.headers {
                Some(h) if h.secret.expose().len() >= 16 => {}
                _ => return bad("identity.mode = \"headers\" needs [identity.headers] with a secret of at least 16 characters"),
            },
            _ => return bad("identity.mode must be \"oidc\" or \"headers\""),
        }
        if !matches!(
            self.partner.partner_type.as_str(),
            "direct" | "indirectProvider"
        ) {
            return bad("partner.partner_type must be \"direct\" or \"indirectProvider\"");
        }
        if !matches!(self.partner.cloud.as_str(), "public" | "usgov") {
            return bad("partner.cloud must be \"public\" or \"usgov\"");
        }
        if !(self.journal.database_url.starts_with("sqlite:")
            || self.journal.database_url.starts_with("postgres://")
            || self.journal.database_url.starts_with("postgresql://"))
        {
            return bad("journal.database_url must start with sqlite: or postgres://");
        }
        for o in &self.http.cors_origins {
            if !url_ok(o) || o.ends_with('/') || o == "*" {
                return bad("http.cors_origins: each is an origin like https://portal.example (no path, no *)");
            }
        }
        Ok(())
    }

    pub fn lease_secs(&self) -> u64 {
        self.journal
            .lease_secs
            .unwrap_or(self.partner_center.timeout_secs + 5)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: &str = r#"
        [partner_center]
        base_url = "http://127.0.0.1:1"
        [token]
        authority_url = "http://127.0.0.1:2/token"
        client_id = "app"
        client_secret = "very-secret-value"
        refresh_token = "rt-secret"
        [identity]
        mode = "headers"
        [identity.headers]
        secret = "0123456789abcdef0123"
    "#;

    #[test]
    fn minimal_config_and_defaults() {
        let c = Config::from_toml(MIN).unwrap();
        assert_eq!(c.partner_center.timeout_secs, 30);
        assert_eq!(c.lease_secs(), 35);
        assert_eq!(c.journal.database_url, "sqlite://cw-journal.db?mode=rwc");
    }

    #[test]
    fn secrets_never_in_debug() {
        let c = Config::from_toml(MIN).unwrap();
        let d = format!("{c:?}");
        assert!(!d.contains("very-secret-value") && !d.contains("rt-secret"));
        assert!(!d.contains("0123456789abcdef0123"));
    }

    #[test]
    fn unknown_keys_and_bad_values_refused() {
        assert!(Config::from_toml(&format!("{MIN}\nlisten_typo = 1")).is_err());
        let wild = MIN.replace("[identity]", "[http]\ncors_origins = [\"*\"]\n[identity]");
        assert!(Config::from_toml(&wild).is_err());
        let short = MIN.replace("0123456789abcdef0123", "short");
        assert!(Config::from_toml(&short).is_err());
    }
}
