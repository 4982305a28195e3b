//! Partner Center App+User access tokens from the Secure Application Model: a refresh-token
//! grant against the configured authority. The token is cached and renewed before it expires;
//! however many requests wait, one grant is in flight (`refresh` lock, checked again inside).
//! A rotated refresh token is kept (in memory and, when configured, in its file).

use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::Deserialize;

use crate::config::{Secret, TokenConfig};
use crate::metrics::Metrics;

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    /// The authority refused the refresh token (expired, revoked, consent withdrawn): an
    /// administrator must consent again (docs/server.md).
    #[error("the Partner Center refresh token was refused by the authority ({0})")]
    Refused(String),
    /// The authority could not be reached or answered something unexpected.
    #[error("the token authority is unavailable")]
    Unavailable,
}

struct Cached {
    access: Secret,
    /// When renewal is due (the expiry minus `renew_before`).
    renew_at: Instant,
    expires_at: Instant,
}

struct State {
    cached: Option<Cached>,
    refresh_token: Secret,
    /// A recent refusal is remembered briefly so that a revoked token is not hammered.
    refused: Option<(Instant, TokenError)>,
}

pub struct TokenSource {
    cfg: TokenConfig,
    http: reqwest::Client,
    state: Mutex<State>,
    refresh: tokio::sync::Mutex<()>,
    metrics: Metrics,
}

#[derive(Deserialize)]
struct Grant {
    access_token: String,
    #[serde(default)]
    refresh_token: Option<String>,
    /// The v1 endpoint answers a string, v2.0 a number.
    expires_in: serde_json::Value,
}

#[derive(Deserialize, Default)]
struct GrantError {
    #[serde(default)]
    error: String,
}

const REFUSAL_MEMORY: Duration = Duration::from_secs(10);

impl TokenSource {
    pub fn new(cfg: TokenConfig, http: reqwest::Client, metrics: Metrics) -> TokenSource {
        let refresh_token = cfg.refresh_token.clone();
        TokenSource {
            cfg,
            http,
            state: Mutex::new(State {
                cached: None,
                refresh_token,
                refused: None,
            }),
            refresh: tokio::sync::Mutex::new(()),
            metrics,
        }
    }

    fn fresh(&self) -> Option<Secret> {
        let s = self.state.lock().unwrap();
        s.cached
            .as_ref()
            .filter(|c| Instant::now() < c.renew_at)
            .map(|c| c.access.clone())
    }

    /// A valid access token: the cached one, or a new one (one grant however many wait).
    pub async fn get(&self) -> Result<Secret, TokenError> {
        if let Some(t) = self.fresh() {
            return Ok(t);
        }
        let _one = self.refresh.lock().await;
        if let Some(t) = self.fresh() {
            return Ok(t);
        }
        self.grant().await
    }

    /// Partner Center refused `rejected` (401): renew once, unless another request already did.
    pub async fn renew_after_rejection(&self, rejected: &Secret) -> Result<Secret, TokenError> {
        let _one = self.refresh.lock().await;
        {
            let s = self.state.lock().unwrap();
            if let Some(c) = &s.cached {
                if c.access != *rejected && Instant::now() < c.expires_at {
                    return Ok(c.access.clone());
                }
            }
        }
        self.state.lock().unwrap().cached = None;
        self.grant().await
    }

    /// Whether the last grant was refused (for /readyz).
    pub fn refused(&self) -> Option<TokenError> {
        self.state
            .lock()
            .unwrap()
            .refused
            .as_ref()
            .map(|(_, e)| e.clone())
    }

    async fn grant(&self) -> Result<Secret, TokenError> {
        let refresh_token = {
            let s = self.state.lock().unwrap();
            if let Some((at, e)) = &s.refused {
                if at.elapsed() < REFUSAL_MEMORY {
                    return Err(e.clone());
                }
            }
            s.refresh_token.clone()
        };
        let mut form: Vec<(&str, &str)> = vec![
            ("grant_type", "refresh_token"),
            ("client_id", &self.cfg.client_id),
            ("client_secret", self.cfg.client_secret.expose()),
            ("refresh_token", refresh_token.expose()),
        ];
        match &self.cfg.scope {
            Some(scope) => form.push(("scope", scope)),
            None => form.push(("resource", &self.cfg.resource)),
        }
        let started = Instant::now();
        let answer = self
            .http
            .post(&self.cfg.authority_url)
            .form(&form)
            .send()
            .await;
        let answer = match answer {
            Ok(a) => a,
            Err(e) => {
                // reqwest's error text names the URL (no secret: the form is not in it).
                tracing::warn!(error = %e.without_url(), "token authority unreachable");
                self.metrics.token_grant("unavailable");
                return Err(TokenError::Unavailable);
            }
        };
        let status = answer.status();
        let body = answer.bytes().await.unwrap_or_default();
        if status.is_success() {
            let g: Grant = match serde_json::from_slice(&body) {
                Ok(g) => g,
                Err(_) => {
                    tracing::warn!("token authority answered an unreadable grant");
                    self.metrics.token_grant("unavailable");
                    return Err(TokenError::Unavailable);
                }
            };
            let secs = match &g.expires_in {
                serde_json::Value::Number(n) => n.as_u64().unwrap_or(0),
                serde_json::Value::String(s) => s.parse().unwrap_or(0),
                _ => 0,
            };
            let now = Instant::now();
            let expires_at = now + Duration::from_secs(secs);
            let renew_at =
                now + Duration::from_secs(secs.saturating_sub(self.cfg.renew_before_secs));
            let access = Secret::new(g.access_token);
            let rotated = g
                .refresh_token
                .filter(|r| !r.is_empty() && r != refresh_token.expose());
            {
                let mut s = self.state.lock().unwrap();
                s.cached = Some(Cached {
                    access: access.clone(),
                    renew_at,
                    expires_at,
                });
                s.refused = None;
                if let Some(r) = &rotated {
                    s.refresh_token = Secret::new(r.clone());
                }
            }
            if let Some(r) = rotated {
                self.keep_rotated(&r).await;
            }
            self.metrics.token_grant("ok");
            tracing::info!(
                expires_in_secs = secs,
                ms = started.elapsed().as_millis() as u64,
                "Partner Center access token obtained"
            );
            Ok(access)
        } else if status.is_client_error() {
            // invalid_grant (expired or revoked refresh token), invalid_client (wrong secret):
            // only the error name is logged, never the description (it may quote the request).
            let e: GrantError = serde_json::from_slice(&body).unwrap_or_default();
            let name = if e
                .error
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !e.error.is_empty()
            {
                e.error
            } else {
                format!("http {}", status.as_u16())
            };
            tracing::error!(error = %name, "token authority refused the refresh token grant");
            self.metrics.token_grant("refused");
            let err = TokenError::Refused(name);
            self.state.lock().unwrap().refused = Some((Instant::now(), err.clone()));
            Err(err)
        } else {
            tracing::warn!(status = status.as_u16(), "token authority failed");
            self.metrics.token_grant("unavailable");
            Err(TokenError::Unavailable)
        }
    }

    /// Writes a rotated refresh token to its file (temp file + rename, owner-only), so that a
    /// restart starts from the newest one.
    async fn keep_rotated(&self, token: &str) {
        let Some(path) = self.cfg.refresh_token_file.clone() else {
            return;
        };
        let token = token.to_string();
        let result = tokio::task::spawn_blocking(move || -> std::io::Result<()> {
            use std::io::Write;
            let tmp = path.with_extension("tmp");
            {
                let mut opts = std::fs::OpenOptions::new();
                opts.write(true).create(true).truncate(true);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::OpenOptionsExt;
                    opts.mode(0o600);
                }
                let mut f = opts.open(&tmp)?;
                f.write_all(token.as_bytes())?;
                f.sync_all()?;
            }
            std::fs::rename(&tmp, &path)
        })
        .await;
        match result {
            Ok(Ok(())) => tracing::info!("rotated refresh token kept"),
            _ => tracing::error!("could not write the rotated refresh token to its file"),
        }
    }
}
