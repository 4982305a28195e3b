//! Who is asking. The portal signs its users in; this server only checks what it is given:
//! - `oidc`: an `Authorization: Bearer` JWT from the portal's identity provider, checked
//!   against the issuer's JWKS (signature, issuer, audience, expiry), roles from a claim;
//! - `headers`: identity headers set by the portal's reverse proxy, trusted only with the
//!   shared secret header (compared in constant time). Without it, they are a forgery.
//!
//! Authorization is decided here too, on the server, not only in the UI: adding a customer
//! needs GlobalAdmin, UserManagementAdmin, AdminAgent or SalesAgent; attesting the customer
//! agreement needs AdminAgent or SalesAgent.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, StatusCode};
use jsonwebtoken::{jwk::JwkSet, Algorithm, DecodingKey, Validation};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::config::{HeadersConfig, IdentityConfig, OidcConfig};
use crate::error::PcError;

#[derive(Debug, Clone)]
pub struct User {
    pub subject: String,
    pub name: Option<String>,
    /// Partner Center role names (after `identity.role_map`).
    pub roles: Vec<String>,
}

pub const MAY_ADD: [&str; 4] = [
    "GlobalAdmin",
    "UserManagementAdmin",
    "AdminAgent",
    "SalesAgent",
];
pub const MAY_ATTEST: [&str; 2] = ["AdminAgent", "SalesAgent"];

impl User {
    pub fn may_add(&self) -> bool {
        self.roles.iter().any(|r| MAY_ADD.contains(&r.as_str()))
    }
    pub fn may_attest(&self) -> bool {
        self.roles.iter().any(|r| MAY_ATTEST.contains(&r.as_str()))
    }
}

pub struct Authenticator {
    cfg: IdentityConfig,
    jwks: Option<Jwks>,
}

struct Jwks {
    cfg: OidcConfig,
    http: reqwest::Client,
    keys: tokio::sync::RwLock<(Option<Instant>, HashMap<String, DecodingKey>)>,
    fetch: tokio::sync::Mutex<()>,
}

/// A key id missing from the cached set triggers a refetch at most this often.
const REFETCH_EVERY: Duration = Duration::from_secs(30);

fn unauthorized(name: &'static str, description: &str) -> PcError {
    PcError::new(StatusCode::UNAUTHORIZED, name, description)
}

impl Authenticator {
    pub fn new(cfg: IdentityConfig, http: reqwest::Client) -> Authenticator {
        let jwks = match (cfg.mode.as_str(), &cfg.oidc) {
            ("oidc", Some(o)) => Some(Jwks {
                cfg: o.clone(),
                http,
                keys: tokio::sync::RwLock::new((None, HashMap::new())),
                fetch: tokio::sync::Mutex::new(()),
            }),
            _ => None,
        };
        Authenticator { cfg, jwks }
    }

    pub async fn authenticate(&self, headers: &HeaderMap) -> Result<User, PcError> {
        let user = match &self.jwks {
            Some(jwks) => jwks.authenticate(headers).await?,
            None => {
                let h = self.cfg.headers.as_ref().expect("checked by Config::check");
                from_trusted_headers(h, headers)?
            }
        };
        Ok(User {
            roles: user
                .roles
                .into_iter()
                .map(|r| self.cfg.role_map.get(&r).cloned().unwrap_or(r))
                .collect(),
            ..user
        })
    }
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn from_trusted_headers(cfg: &HeadersConfig, headers: &HeaderMap) -> Result<User, PcError> {
    let given = header(headers, &cfg.secret_header).unwrap_or("");
    // Hash both sides so that the comparison takes the same time whatever the lengths.
    let a = Sha256::digest(given.as_bytes());
    let b = Sha256::digest(cfg.secret.expose().as_bytes());
    if given.is_empty() || !bool::from(a.ct_eq(&b)) {
        return Err(unauthorized(
            "IdentityNotTrusted",
            "The request did not come through the portal's sign-in proxy.",
        ));
    }
    let subject = header(headers, &cfg.user_header)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| unauthorized("NotSignedIn", "No signed-in user."))?;
    let roles = header(headers, &cfg.roles_header)
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(String::from)
        .collect();
    Ok(User {
        subject: subject.to_string(),
        name: header(headers, &cfg.name_header).map(String::from),
        roles,
    })
}

impl Jwks {
    async fn authenticate(&self, headers: &HeaderMap) -> Result<User, PcError> {
        let token = header(headers, "authorization")
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| unauthorized("NotSignedIn", "No signed-in user (no bearer token)."))?;
        let head = jsonwebtoken::decode_header(token)
            .map_err(|_| unauthorized("InvalidToken", "The sign-in token is not valid."))?;
        if head.alg != Algorithm::RS256 {
            return Err(unauthorized(
                "InvalidToken",
                "The sign-in token is not valid.",
            ));
        }
        let kid = head.kid.unwrap_or_default();
        let key = self.key(&kid).await?;
        let mut v = Validation::new(Algorithm::RS256);
        v.set_issuer(&[self.cfg.issuer.as_str()]);
        v.set_audience(&[self.cfg.audience.as_str()]);
        v.leeway = self.cfg.leeway_secs;
        v.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        let data =
            jsonwebtoken::decode::<serde_json::Map<String, serde_json::Value>>(token, &key, &v)
                .map_err(|e| {
                    use jsonwebtoken::errors::ErrorKind as K;
                    match e.kind() {
                        K::ExpiredSignature => {
                            unauthorized("TokenExpired", "The sign-in has expired; sign in again.")
                        }
                        K::InvalidAudience => unauthorized(
                            "InvalidAudience",
                            "The sign-in token is not meant for this service.",
                        ),
                        K::InvalidIssuer => unauthorized(
                            "InvalidIssuer",
                            "The sign-in token comes from an unknown issuer.",
                        ),
                        _ => unauthorized("InvalidToken", "The sign-in token is not valid."),
                    }
                })?;
        let claims = data.claims;
        let roles = match claims.get(&self.cfg.roles_claim) {
            Some(serde_json::Value::Array(a)) => a
                .iter()
                .filter_map(|r| r.as_str().map(String::from))
                .collect(),
            Some(serde_json::Value::String(s)) => s
                .split([',', ' '])
                .filter(|r| !r.is_empty())
                .map(String::from)
                .collect(),
            _ => Vec::new(),
        };
        Ok(User {
            subject: claims
                .get("sub")
                .and_then(|s| s.as_str())
                .unwrap_or_default()
                .to_string(),
            name: claims
                .get(&self.cfg.name_claim)
                .and_then(|s| s.as_str())
                .map(String::from),
            roles,
        })
    }

    /// The cached key for `kid`, or a refusal while the cached set is fresh; `None`: the
    /// keys are to be read again.
    async fn cached_key(&self, kid: &str) -> Option<Result<DecodingKey, PcError>> {
        let keys = self.keys.read().await;
        if let Some(k) = keys.1.get(kid) {
            return Some(Ok(k.clone()));
        }
        keys.0
            .is_some_and(|t| t.elapsed() < REFETCH_EVERY)
            .then(|| {
                Err(unauthorized(
                    "InvalidToken",
                    "The sign-in token is not valid.",
                ))
            })
    }

    async fn key(&self, kid: &str) -> Result<DecodingKey, PcError> {
        if let Some(k) = self.cached_key(kid).await {
            return k;
        }
        // One fetch at a time; a request that waited for another's fetch finds its result.
        let _one = self.fetch.lock().await;
        if let Some(k) = self.cached_key(kid).await {
            return k;
        }
        let fetched = self.fetch_keys().await.map_err(|e| {
            tracing::error!(error = %e, "cannot read the identity provider's keys");
            PcError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "IdentityProviderUnavailable",
                "The sign-in service could not be reached. Try again in a moment.",
            )
        })?;
        let mut keys = self.keys.write().await;
        *keys = (Some(Instant::now()), fetched);
        keys.1
            .get(kid)
            .cloned()
            .ok_or_else(|| unauthorized("InvalidToken", "The sign-in token is not valid."))
    }

    async fn fetch_keys(&self) -> anyhow::Result<HashMap<String, DecodingKey>> {
        let url = match &self.cfg.jwks_url {
            Some(u) => u.clone(),
            None => {
                let disco = format!(
                    "{}/.well-known/openid-configuration",
                    self.cfg.issuer.trim_end_matches('/')
                );
                let doc: serde_json::Value = serde_json::from_slice(
                    &self
                        .http
                        .get(disco)
                        .send()
                        .await?
                        .error_for_status()?
                        .bytes()
                        .await?,
                )?;
                doc.get("jwks_uri")
                    .and_then(|u| u.as_str())
                    .ok_or_else(|| anyhow::anyhow!("no jwks_uri in the discovery document"))?
                    .to_string()
            }
        };
        let set: JwkSet = serde_json::from_slice(
            &self
                .http
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?,
        )?;
        let mut out = HashMap::new();
        for jwk in &set.keys {
            if let (Some(kid), Ok(key)) = (jwk.common.key_id.clone(), DecodingKey::from_jwk(jwk)) {
                out.insert(kid, key);
            }
        }
        Ok(out)
    }
}
