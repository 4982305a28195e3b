//! customer-wizard-server: serves the wizard and relays its Partner Center v1 subset to the
//! real Partner Center with App+User tokens, checking who asks and journaling every POST so
//! that nothing is created twice. docs/server.md says how to deploy and configure it.

pub mod config;
pub mod error;
pub mod identity;
pub mod journal;
pub mod metrics;
pub mod relay;
pub mod tokens;
pub mod web;

use std::ops::Deref;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::services::ServeDir;

use crate::config::Config;

pub struct Inner {
    pub cfg: Config,
    pub http: reqwest::Client,
    pub tokens: tokens::TokenSource,
    pub auth: identity::Authenticator,
    pub journal: journal::Journal,
    pub metrics: metrics::Metrics,
    pub throttle: relay::Throttle,
    /// Partner Center's base URL without a trailing slash.
    pub upstream_base: String,
    /// Where the API is mounted.
    pub api_prefix: String,
    pub index: Option<String>,
    pub csp: String,
}

/// Shared by every request (cheap to clone).
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

/// Builds the state: HTTP client, journal (creating its table), token source, authenticator.
pub async fn state(cfg: Config) -> anyhow::Result<AppState> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder()
        // Partner Center does not redirect; a redirect would be somewhere this server must not go.
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(5))
        .user_agent(concat!(
            "customer-wizard-server/",
            env!("CARGO_PKG_VERSION")
        ))
        .build()?;
    let metrics = metrics::Metrics::new();
    let owner = uuid::Uuid::new_v4().to_string();
    let journal = journal::Journal::open(
        &cfg.journal.database_url,
        owner,
        Duration::from_secs(cfg.lease_secs()),
    )
    .await?;
    let index = match std::fs::read_to_string(cfg.dist_dir.join("index.html")) {
        Ok(html) => Some(web::inject(&html, &cfg)),
        Err(_) => {
            tracing::warn!(dist = %cfg.dist_dir.display(), "no index.html: the app is not served (run make build)");
            None
        }
    };
    Ok(AppState(Arc::new(Inner {
        tokens: tokens::TokenSource::new(cfg.token.clone(), http.clone(), metrics.clone()),
        auth: identity::Authenticator::new(cfg.identity.clone(), http.clone()),
        upstream_base: cfg
            .partner_center
            .base_url
            .trim_end_matches('/')
            .to_string(),
        api_prefix: "/api".into(),
        csp: web::csp(&cfg),
        index,
        journal,
        metrics,
        throttle: relay::Throttle::default(),
        http,
        cfg,
    })))
}

pub fn router(st: AppState) -> Router {
    let files = ServeDir::new(&st.cfg.dist_dir)
        .precompressed_br()
        .precompressed_gzip();
    let static_files = Router::new()
        .fallback_service(files)
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(web::cache_headers));
    let origins: Vec<HeaderValue> = st
        .cfg
        .http
        .cors_origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::GET, Method::HEAD, Method::POST])
        .allow_headers([
            HeaderName::from_static("ms-requestid"),
            HeaderName::from_static("ms-correlationid"),
            HeaderName::from_static("x-locale"),
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
        ])
        .expose_headers([
            HeaderName::from_static("ms-requestid"),
            HeaderName::from_static("ms-correlationid"),
            header::RETRY_AFTER,
        ])
        .allow_credentials(true)
        .max_age(Duration::from_secs(600));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics_text))
        .route("/", get(web::index))
        .route("/index.html", get(web::index))
        .route("/api", any(relay::handle))
        .route("/api/{*rest}", any(relay::handle))
        .merge(static_files)
        .layer(axum::middleware::from_fn_with_state(
            st.clone(),
            web::security_headers,
        ))
        .layer(cors)
        .with_state(st)
}

async fn healthz() -> &'static str {
    "ok"
}

async fn readyz(State(st): State<AppState>) -> Response {
    let journal = st.journal.ping().await;
    let token = st.tokens.refused();
    let ready = journal && token.is_none();
    let body = serde_json::json!({
        "ready": ready,
        "journal": if journal { st.journal.backend() } else { "unavailable" },
        "partnerCenterSignIn": if token.is_none() { "ok" } else { "refused: consent must be renewed" },
        "app": st.index.is_some(),
    });
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body.to_string(),
    )
        .into_response()
}

async fn metrics_text(State(st): State<AppState>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        st.metrics.encode(),
    )
        .into_response()
}

/// Serves until SIGTERM or Ctrl-C, then finishes the requests in flight.
pub async fn run(cfg: Config) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(cfg.listen).await?;
    let addr = listener.local_addr()?;
    let retention = cfg.journal.retention_days;
    let st = state(cfg).await?;
    let purger = st.journal.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every.tick().await;
            match purger.purge(retention).await {
                Ok(n) if n > 0 => tracing::info!(deleted = n, "journal: old entries deleted"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "journal: purge failed"),
            }
        }
    });
    tracing::info!(journal = st.journal.backend(), "listening on http://{addr}");
    axum::serve(listener, router(st))
        .with_graceful_shutdown(async {
            let ctrl_c = tokio::signal::ctrl_c();
            let mut term =
                tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                    .expect("SIGTERM handler");
            tokio::select! {
                _ = ctrl_c => {}
                _ = term.recv() => {}
            }
            tracing::info!("shutting down");
        })
        .await?;
    Ok(())
}
