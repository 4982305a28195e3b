//! Every error this server makes itself is answered in Partner Center's error shape
//! (`{code, description, data, source}` plus the newer `message`, `errorName`, `isRetryable`),
//! so the app's error mapping and retry logic treat it like one from Partner Center.
//! Descriptions are fixed texts: never a secret, a token, or an upstream error's detail.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

pub const SOURCE: &str = "customer-wizard-server";

#[derive(Debug, Clone)]
pub struct PcError {
    pub status: StatusCode,
    pub error_name: &'static str,
    pub description: String,
    pub data: Vec<String>,
    pub retryable: bool,
    pub retry_after: Option<u64>,
    /// Echoed `MS-RequestId` / `MS-CorrelationId` (already validated).
    pub trace: Vec<(&'static str, String)>,
}

impl PcError {
    pub fn new(
        status: StatusCode,
        error_name: &'static str,
        description: impl Into<String>,
    ) -> Self {
        PcError {
            status,
            error_name,
            description: description.into(),
            data: Vec::new(),
            retryable: status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS,
            retry_after: None,
            trace: Vec::new(),
        }
    }
    pub fn data(mut self, d: impl Into<String>) -> Self {
        self.data.push(d.into());
        self
    }
    pub fn retry_after(mut self, secs: u64) -> Self {
        self.retry_after = Some(secs);
        self
    }
    pub fn retryable(mut self, r: bool) -> Self {
        self.retryable = r;
        self
    }
    pub fn traced(mut self, trace: &[(&'static str, String)]) -> Self {
        self.trace = trace.to_vec();
        self
    }

    pub fn bad_request(name: &'static str, description: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, name, description)
    }

    pub fn body(&self) -> serde_json::Value {
        json!({
            "code": self.status.as_u16(),
            "description": self.description,
            "data": self.data,
            "source": SOURCE,
            "message": self.description,
            "errorName": self.error_name,
            "isRetryable": self.retryable,
        })
    }
}

impl IntoResponse for PcError {
    fn into_response(self) -> Response {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        );
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if let Some(s) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        for (name, value) in &self.trace {
            if let Ok(v) = HeaderValue::from_str(value) {
                headers.insert(*name, v);
            }
        }
        (self.status, headers, self.body().to_string()).into_response()
    }
}
