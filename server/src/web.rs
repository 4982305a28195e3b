//! The app's files: `dist/` with precompressed `.br` / `.gz` siblings when present (else
//! compressed on the fly), immutable caching for hashed names, the security headers the app
//! needs, and index.html with the `api-base` pointing at this server.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::config::Config;
use crate::AppState;

/// Adds `data-api-base` (and, for local demos only, `data-auth-header`) to the mount element of
/// the built index.html. Attributes already there win: a deployer's own page is left alone.
pub fn inject(index: &str, cfg: &Config) -> String {
    let esc = |v: &str| {
        v.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
    };
    let tag = "<main id=\"customer-wizard\"";
    let Some(at) = index.find(tag) else {
        return index.to_string();
    };
    let end = index[at..].find('>').map(|e| at + e).unwrap_or(index.len());
    let existing = &index[at..end];
    let mut attrs = String::new();
    if !existing.contains("data-api-base") {
        let base = cfg.app.api_base.clone().unwrap_or_else(|| "/api".into());
        attrs.push_str(&format!(" data-api-base=\"{}\"", esc(&base)));
    }
    if let Some(h) = &cfg.app.dev_auth_header {
        if !existing.contains("data-auth-header") {
            attrs.push_str(&format!(" data-auth-header=\"{}\"", esc(h.expose())));
        }
    }
    format!(
        "{}{}{}",
        &index[..at + tag.len()],
        attrs,
        &index[at + tag.len()..]
    )
}

/// The Content-Security-Policy of the app's pages: the app runs under the brief's strict line
/// (no inline script or style, wasm allowed) and talks to this server only.
pub fn csp(cfg: &Config) -> String {
    let ancestors = if cfg.http.frame_ancestors.is_empty() {
        "'none'".to_string()
    } else {
        cfg.http.frame_ancestors.join(" ")
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; \
         img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {ancestors}"
    )
}

pub async fn index(State(st): State<AppState>) -> Response {
    match &st.index {
        Some(html) => (
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            html.clone(),
        )
            .into_response(),
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "The app is not built: run `make build` (dist/index.html is missing).",
        )
            .into_response(),
    }
}

/// `name-<16 hex>.ext` or `name-<16 hex>_bg.wasm`: trunk's hashed names never change content.
pub fn is_hashed(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or("");
    let stem = file.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let hash = stem.rsplit('-').next().unwrap_or("");
    stem.contains('-') && hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Caching of the static files.
pub async fn cache_headers(req: Request, next: Next) -> Response {
    let hashed = is_hashed(req.uri().path());
    let mut resp = next.run(req).await;
    if resp.status().is_success() || resp.status() == StatusCode::NOT_MODIFIED {
        let v = if hashed {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        resp.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(v));
    }
    resp
}

/// Security headers on every answer.
pub async fn security_headers(
    State(st): State<AppState>,
    req: Request<Body>,
    next: Next,
) -> Response {
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if let Ok(v) = HeaderValue::from_str(&st.csp) {
        h.insert("content-security-policy", v);
    }
    if st.cfg.http.frame_ancestors.is_empty() {
        h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    }
    if st.cfg.http.hsts {
        h.insert(
            "strict-transport-security",
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(extra: &str) -> Config {
        Config::from_toml(&format!(
            "[partner_center]\nbase_url = \"http://127.0.0.1:1\"\n[token]\nauthority_url = \"http://127.0.0.1:2\"\nclient_id = \"a\"\nclient_secret = \"b\"\nrefresh_token = \"c\"\n[identity]\nmode = \"headers\"\n[identity.headers]\nsecret = \"0123456789abcdef\"\n{extra}"
        ))
        .unwrap()
    }

    #[test]
    fn index_points_the_app_at_this_server() {
        let page = "<body><main id=\"customer-wizard\" class=\"cw-page\"></main></body>";
        assert_eq!(
            inject(page, &cfg("")),
            "<body><main id=\"customer-wizard\" data-api-base=\"/api\" class=\"cw-page\"></main></body>"
        );
        // A deployer's own api-base is kept; values are escaped.
        let own = "<main id=\"customer-wizard\" data-api-base=\"https://x\">";
        assert_eq!(inject(own, &cfg("")), own);
        let dev = inject(
            page,
            &cfg("[app]\ndev_auth_header = \"Authorization: Bearer a\\\"b<c\""),
        );
        assert!(
            dev.contains("data-auth-header=\"Authorization: Bearer a&quot;b&lt;c\""),
            "{dev}"
        );
    }

    #[test]
    fn hashed_names() {
        assert!(is_hashed("/customer-wizard-0123456789abcdef_bg.wasm"));
        assert!(is_hashed("/main-0123456789abcdef.css"));
        assert!(is_hashed("/customer-wizard-0123456789abcdef.js"));
        assert!(!is_hashed("/embed.js"));
        assert!(!is_hashed("/index.html"));
        assert!(!is_hashed("/public/demo/offers.json"));
    }
}
