//! Every way a call can fail, mapped once from the transport; the UI turns these into
//! localized messages (`messages`), never panics.

use super::wire::ErrorBody;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    #[error("network error: {0}")]
    Network(String),
    #[error("the browser is offline")]
    Offline,
    #[error("no answer within the time limit")]
    Timeout,
    #[error("the request was cancelled")]
    Aborted,
    #[error("HTTP {status}: {}", body.as_ref().and_then(|b| b.description.clone()).unwrap_or_default())]
    Status {
        status: u16,
        body: Option<Box<ErrorBody>>,
        retry_after_s: Option<u32>,
    },
    #[error("the answer is not the expected JSON: {0}")]
    BadJson(String),
}

impl ApiError {
    /// Whether trying again later may succeed (network, timeout, 5xx, 429).
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network(_) | ApiError::Offline | ApiError::Timeout => true,
            ApiError::Status { status, body, .. } => {
                *status == 429
                    || *status >= 500
                    || body.as_ref().and_then(|b| b.is_retryable) == Some(true)
            }
            ApiError::Aborted | ApiError::BadJson(_) => false,
        }
    }

    /// Partner Center's error code, when the server sent one.
    pub fn code(&self) -> Option<i64> {
        match self {
            ApiError::Status { body: Some(b), .. } if b.code != 0 => Some(b.code),
            _ => None,
        }
    }

    pub fn data(&self) -> &[String] {
        match self {
            ApiError::Status { body: Some(b), .. } => &b.data,
            _ => &[],
        }
    }

    /// Builds the status error from a response body, which may be anything.
    pub fn from_status(status: u16, body: &str, retry_after_s: Option<u32>) -> ApiError {
        ApiError::Status {
            status,
            body: super::json::from_str::<ErrorBody>(body).ok().map(Box::new),
            retry_after_s,
        }
    }
}

/// Exponential backoff with jitter: 0.5 s, 1 s, 2 s (+ up to 50 %), or what `Retry-After` says.
pub fn backoff_ms(attempt: u32, retry_after_s: Option<u32>, jitter01: f64) -> u32 {
    if let Some(s) = retry_after_s {
        return s.min(30) * 1000;
    }
    let base = 500u32.saturating_mul(1 << attempt.min(6));
    base + (f64::from(base) * 0.5 * jitter01.clamp(0.0, 1.0)) as u32
}

/// Retrying is safe for reads, and for writes that carry their idempotency key.
pub const MAX_RETRIES: u32 = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transient_errors_are_the_ones_worth_retrying() {
        assert!(ApiError::Timeout.is_transient());
        assert!(ApiError::Network("x".into()).is_transient());
        assert!(ApiError::from_status(503, "", None).is_transient());
        assert!(ApiError::from_status(429, "", Some(2)).is_transient());
        assert!(!ApiError::from_status(400, r#"{"code":27002}"#, None).is_transient());
        assert!(!ApiError::BadJson("x".into()).is_transient());
    }

    #[test]
    fn error_bodies_of_both_shapes_are_read() {
        let legacy = ApiError::from_status(
            400,
            r#"{"code": 27002, "description": "Invalid state", "data": ["StateInvalid"], "source": "PartnerFD"}"#,
            None,
        );
        assert_eq!(legacy.code(), Some(27002));
        assert_eq!(legacy.data(), ["StateInvalid".to_string()]);
        let newer = ApiError::from_status(
            409,
            r#"{"code": "27100", "description": "Domain not available", "message": "taken", "errorName": "DomainNotAvailable", "isRetryable": false}"#,
            None,
        );
        assert_eq!(newer.code(), Some(27100));
        let junk = ApiError::from_status(502, "<html>Bad gateway</html>", None);
        assert_eq!(junk.code(), None);
    }

    #[test]
    fn backoff_grows_and_honours_retry_after() {
        assert_eq!(backoff_ms(0, None, 0.0), 500);
        assert_eq!(backoff_ms(1, None, 0.0), 1000);
        assert_eq!(backoff_ms(2, None, 1.0), 3000);
        assert_eq!(backoff_ms(0, Some(2), 0.7), 2000);
        assert_eq!(backoff_ms(0, Some(3600), 0.0), 30_000);
    }
}
