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

    /// The properties an invalid-property error (27002) names, as Partner Center spells them
    /// without their `Invalid`/`Missing` suffix (`PostalCode`, `State`, ...), in order, once
    /// each. Partner Center writes `data` entries as `"property_name:  PostalCodeInvalid -
    /// Details"` (the spacing and case vary), sometimes just `"StateInvalid"`; when `data`
    /// names none, the description may (`"... invalid for property: 'State'"`).
    pub fn invalid_properties(&self) -> Vec<String> {
        let mut out = Vec::new();
        for d in self.data() {
            push_property(&mut out, d);
        }
        if out.is_empty() {
            if let ApiError::Status { body: Some(b), .. } = self {
                let text = b.description.as_deref().unwrap_or_default();
                if let Some(i) = text.to_ascii_lowercase().find("property:") {
                    for part in text[i + "property:".len()..].split(',') {
                        push_property(&mut out, part);
                    }
                }
            }
        }
        out
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

/// Reads one property out of a `data` entry (see [`ApiError::invalid_properties`]).
fn push_property(out: &mut Vec<String>, entry: &str) {
    // `property_name: X - Details`: the name follows the label; `X: details`: it leads.
    let entry = match entry.split_once(':') {
        Some((label, rest)) => {
            let l: String = label
                .chars()
                .filter(char::is_ascii_alphabetic)
                .collect::<String>()
                .to_ascii_lowercase();
            if l == "propertyname" || l == "property" {
                rest
            } else {
                label
            }
        }
        None => entry,
    };
    // The name is the first word, before any ` - Details`; a dotted path names its last part.
    let word = entry
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .find(|w| !w.is_empty())
        .unwrap_or_default();
    let word = word.rsplit('.').next().unwrap_or_default();
    let lower = word.to_ascii_lowercase();
    let cut = ["invalid", "missing", "required"]
        .iter()
        .find(|s| lower.len() > s.len() && lower.ends_with(*s))
        .map_or(0, |s| s.len());
    let name = &word[..word.len() - cut];
    if !name.is_empty() && !out.iter().any(|n: &String| n.eq_ignore_ascii_case(name)) {
        out.push(name.to_string());
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

    fn properties(data: &[&str], description: &str) -> Vec<String> {
        let body = serde_json::json!({"code": 27002, "description": description, "data": data});
        ApiError::from_status(400, &body.to_string(), None).invalid_properties()
    }

    #[test]
    fn invalid_properties_are_read_in_every_form_partner_center_uses() {
        // Partner Center's own format (two spaces after the colon), as in the fixture.
        let real = ApiError::from_status(
            400,
            include_str!("../../tests/fixtures/error.invalid-property.json"),
            None,
        );
        assert_eq!(real.code(), Some(27002));
        assert_eq!(real.invalid_properties(), ["PostalCode"]);
        let x = "A property has invalid data.";
        for (data, want) in [
            ("property_name:  PostalCodeInvalid - Details", "PostalCode"),
            ("property_name: StateInvalid - Details", "State"),
            ("PROPERTY_NAME:cityinvalid-Details", "city"),
            ("Property_Name :   CountryInvalid   -   Details", "Country"),
            (
                "property_name:  NotificationEmailAddress - Details",
                "NotificationEmailAddress",
            ),
            ("property name: 'PhoneNumberInvalid'", "PhoneNumber"),
            ("StateInvalid", "State"),
            ("  PostalCode  ", "PostalCode"),
            ("AssociatedPartnerId", "AssociatedPartnerId"),
            ("BillingProfile.DefaultAddress.CityMissing", "City"),
            ("PostalCode: not valid for US", "PostalCode"),
        ] {
            assert_eq!(properties(&[data], x), [want], "{data:?}");
        }
        // Several, each once.
        assert_eq!(
            properties(
                &[
                    "property_name:  StateInvalid - Details",
                    "CityInvalid",
                    "stateinvalid"
                ],
                x
            ),
            ["State", "City"]
        );
        // Nothing in `data`: the description may name it; the generic one does not.
        assert_eq!(
            properties(&[], "Address field invalid for property: 'State'"),
            ["State"]
        );
        assert!(properties(&[], x).is_empty());
        assert!(properties(&["", " - "], x).is_empty());
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
