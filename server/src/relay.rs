//! The strict relay: exactly the operations of docs/openapi.yaml, nothing else.
//!
//! The request line is checked as received (no decoding first): an absolute URL, a `%`
//! anywhere, `..`, `//`, a backslash or any character a valid request never needs is refused,
//! as is an unlisted path (404) or method (405). Path parameters and query values are checked
//! against the contract's patterns and the query is rebuilt from the checked values. Only
//! `MS-RequestId`, `MS-CorrelationId` and `X-Locale` (each checked) travel to Partner Center,
//! with this server's own `Authorization`; nothing else the browser sends does.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use crate::error::PcError;
use crate::identity::User;
use crate::journal::Begin;
use crate::tokens::TokenError;
use crate::AppState;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    Profile,
    CountryRules,
    Domain,
    ValidateAddress,
    Relationships,
    Offers,
    RelationshipRequest,
    Agreements,
    CreateCustomer,
    Attest,
    Order,
}

impl Op {
    pub fn name(self) -> &'static str {
        match self {
            Op::Profile => "getMyProfile",
            Op::CountryRules => "getCountryValidationRules",
            Op::Domain => "checkDomainAvailability",
            Op::ValidateAddress => "validateAddress",
            Op::Relationships => "listIndirectResellers",
            Op::Offers => "listOffers",
            Op::RelationshipRequest => "getRelationshipRequest",
            Op::Agreements => "listAgreementTemplates",
            Op::CreateCustomer => "createCustomer",
            Op::Attest => "createCustomerAgreement",
            Op::Order => "createOrder",
        }
    }
    pub fn method(self) -> Method {
        match self {
            Op::Domain => Method::HEAD,
            Op::ValidateAddress | Op::CreateCustomer | Op::Attest | Op::Order => Method::POST,
            _ => Method::GET,
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Route {
    pub op: Op,
    /// The path sent to Partner Center (`/v1/...`), made of checked segments.
    pub path: String,
    /// The query rebuilt from checked values (empty or `?a=b&c=d`).
    pub query: String,
}

fn refuse(name: &'static str, description: &str) -> PcError {
    PcError::bad_request(name, description)
}

pub fn is_guid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

fn is_iso2(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_domain(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
}

fn is_locale(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
        && s.len() <= 35
}

/// Matches the request line against the contract. `prefix` is where the API is mounted.
pub fn route(method: &Method, uri: &Uri, prefix: &str) -> Result<Route, PcError> {
    if uri.scheme().is_some() || uri.authority().is_some() {
        return Err(refuse(
            "AbsoluteUrlRefused",
            "Absolute URLs are not accepted.",
        ));
    }
    let raw = uri.path();
    if raw.contains('%') {
        return Err(refuse(
            "EncodedPathRefused",
            "Encoded characters are not accepted in the path.",
        ));
    }
    if raw.contains("..") || raw.contains("//") || raw.contains('\\') {
        return Err(refuse("PathRefused", "This path is not accepted."));
    }
    if !raw
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'.' | b'_'))
    {
        return Err(refuse("PathRefused", "This path is not accepted."));
    }
    let not_found = || {
        PcError::new(
            StatusCode::NOT_FOUND,
            "RouteNotFound",
            "This server only relays the calls of the customer wizard's contract.",
        )
    };
    let rest = raw.strip_prefix(prefix).ok_or_else(not_found)?;
    let segs: Vec<&str> = rest.split('/').collect();
    let (op, checked) = match segs.as_slice() {
        ["", "v1", "profiles", "me"] => (Op::Profile, true),
        ["", "v1", "countryvalidationrules", iso] => (Op::CountryRules, is_iso2(iso)),
        ["", "v1", "domains", d] => (Op::Domain, is_domain(d)),
        ["", "v1", "validations", "address"] => (Op::ValidateAddress, true),
        ["", "v1", "relationships"] => (Op::Relationships, true),
        ["", "v1", "offers"] => (Op::Offers, true),
        ["", "v1", "customers", "relationshiprequests"] => (Op::RelationshipRequest, true),
        ["", "v1", "agreements"] => (Op::Agreements, true),
        ["", "v1", "customers"] => (Op::CreateCustomer, true),
        ["", "v1", "customers", id, "agreements"] => (Op::Attest, is_guid(id)),
        ["", "v1", "customers", id, "orders"] => (Op::Order, is_guid(id)),
        _ => return Err(not_found()),
    };
    if *method != op.method() {
        let mut e = PcError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            format!("This path accepts {} only.", op.method()),
        );
        e.trace.push(("allow", op.method().to_string()));
        return Err(e);
    }
    if !checked {
        return Err(refuse(
            "InvalidPathParameter",
            "A path parameter does not match the contract.",
        ));
    }
    let query = check_query(op, uri.query())?;
    Ok(Route {
        op,
        path: rest.to_string(),
        query,
    })
}

fn check_query(op: Op, raw: Option<&str>) -> Result<String, PcError> {
    let bad = || refuse("QueryRefused", "The query does not match the contract.");
    let mut given: HashMap<&str, &str> = HashMap::new();
    if let Some(q) = raw.filter(|q| !q.is_empty()) {
        if q.contains('%') || q.contains('+') {
            return Err(refuse(
                "EncodedQueryRefused",
                "Encoded characters are not accepted in the query.",
            ));
        }
        // Empty pairs (`a=b&`) carry nothing; the app's query builder leaves a trailing `&`.
        for pair in q.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').ok_or_else(bad)?;
            if !v.bytes().all(|b| b.is_ascii_alphanumeric()) || given.insert(k, v).is_some() {
                return Err(bad());
            }
        }
    }
    let mut take = |k: &str| given.remove(k);
    let out = match op {
        Op::Relationships => match take("relationship_type") {
            Some(v @ "IsIndirectCloudSolutionProviderOf") => format!("?relationship_type={v}"),
            _ => return Err(bad()),
        },
        Op::Agreements => match take("agreementType") {
            Some(v @ "MicrosoftCustomerAgreement") => format!("?agreementType={v}"),
            _ => return Err(bad()),
        },
        Op::Offers => {
            let country = take("country").filter(|c| is_iso2(c)).ok_or_else(bad)?;
            let mut q = format!("?country={country}");
            if let Some(o) = take("offset") {
                let n: u32 = o.parse().map_err(|_| bad())?;
                q.push_str(&format!("&offset={n}"));
            }
            if let Some(s) = take("size") {
                let n: u32 = s.parse().map_err(|_| bad())?;
                if !(1..=1000).contains(&n) {
                    return Err(bad());
                }
                q.push_str(&format!("&size={n}"));
            }
            q
        }
        _ => String::new(),
    };
    if !given.is_empty() {
        return Err(bad());
    }
    Ok(out)
}

/// One value of a header, or none; two values are refused (no smuggling a second one through).
fn one_header<'a>(headers: &'a HeaderMap, name: &str) -> Result<Option<&'a str>, PcError> {
    let mut all = headers.get_all(name).iter();
    let first = all.next();
    if all.next().is_some() {
        return Err(refuse("HeaderRefused", "A header was given twice."));
    }
    match first {
        None => Ok(None),
        Some(v) => v
            .to_str()
            .map(|s| Some(s.trim()))
            .map_err(|_| refuse("HeaderRefused", "A header value is not valid.")),
    }
}

/// The trace headers: checked, or made up when absent (GETs may omit them).
pub struct Trace {
    pub request_id: String,
    pub correlation_id: String,
    pub locale: Option<String>,
}

impl Trace {
    pub fn echo(&self) -> Vec<(&'static str, String)> {
        vec![
            ("ms-requestid", self.request_id.clone()),
            ("ms-correlationid", self.correlation_id.clone()),
        ]
    }
}

pub fn trace(headers: &HeaderMap, op: Op) -> Result<Trace, PcError> {
    let request_id = match one_header(headers, "ms-requestid")? {
        Some(v) if is_guid(v) => v.to_ascii_lowercase(),
        Some(_) => return Err(refuse("InvalidRequestId", "MS-RequestId must be a GUID.")),
        None if op.method() == Method::POST => {
            return Err(refuse(
                "RequestIdRequired",
                "MS-RequestId (a GUID per operation, reused on retries) is required.",
            ))
        }
        None => uuid::Uuid::new_v4().to_string(),
    };
    let correlation_id = match one_header(headers, "ms-correlationid")? {
        Some(v) if is_guid(v) => v.to_ascii_lowercase(),
        Some(_) => {
            return Err(refuse(
                "InvalidCorrelationId",
                "MS-CorrelationId must be a GUID.",
            ))
        }
        None => uuid::Uuid::new_v4().to_string(),
    };
    let locale = match one_header(headers, "x-locale")? {
        Some(v) if is_locale(v) => Some(v.to_string()),
        Some(_) => {
            return Err(refuse(
                "InvalidLocale",
                "X-Locale must be a language tag such as en-US.",
            ))
        }
        None => None,
    };
    Ok(Trace {
        request_id,
        correlation_id,
        locale,
    })
}

/// When Partner Center asked this server to wait (429 + Retry-After), per operation.
#[derive(Default)]
pub struct Throttle(Mutex<HashMap<Op, Instant>>);

impl Throttle {
    fn remaining(&self, op: Op) -> Option<u64> {
        let map = self.0.lock().unwrap();
        let until = *map.get(&op)?;
        let left = until.checked_duration_since(Instant::now())?;
        Some(left.as_secs() + u64::from(left.subsec_nanos() > 0))
    }
    fn hold(&self, op: Op, secs: u64) {
        self.0
            .lock()
            .unwrap()
            .insert(op, Instant::now() + Duration::from_secs(secs));
    }
}

/// What Partner Center answered.
pub struct Answer {
    pub status: StatusCode,
    pub content_type: Option<HeaderValue>,
    pub retry_after: Option<HeaderValue>,
    pub body: Bytes,
}

/// The API entry point (`/api/...`).
pub async fn handle(State(st): State<AppState>, req: Request) -> Response {
    let started = Instant::now();
    let (parts, body) = req.into_parts();
    let route = match route(&parts.method, &parts.uri, &st.api_prefix) {
        Ok(r) => r,
        Err(e) => {
            st.metrics.request("refused", e.status.as_u16());
            tracing::warn!(method = %parts.method, error = e.error_name, status = e.status.as_u16(), "request refused");
            return e.into_response();
        }
    };
    let op = route.op;
    let trace = match trace(&parts.headers, op) {
        Ok(t) => t,
        Err(e) => {
            st.metrics.request(op.name(), e.status.as_u16());
            return e.into_response();
        }
    };
    let echo = trace.echo();
    let result = serve(&st, route, &trace, &parts.headers, body).await;
    let (resp, user, note) = match result {
        Ok((resp, user, note)) => (resp, user, note),
        Err(e) => (e.traced(&echo).into_response(), None, "error"),
    };
    let status = resp.status().as_u16();
    st.metrics.request(op.name(), status);
    tracing::info!(
        op = op.name(),
        status,
        ms = started.elapsed().as_millis() as u64,
        correlation_id = %trace.correlation_id,
        request_id = %trace.request_id,
        user = user.as_deref().unwrap_or("-"),
        journal = note,
        "api"
    );
    resp
}

type Served = (Response, Option<String>, &'static str);

async fn serve(
    st: &AppState,
    route: Route,
    trace: &Trace,
    headers: &HeaderMap,
    body: Body,
) -> Result<Served, PcError> {
    let op = route.op;
    let user = st.auth.authenticate(headers).await?;
    let who = Some(user.subject.clone());
    if op == Op::Profile {
        return Ok((profile(st, &user, trace), who, "-"));
    }
    if !user.may_add() {
        return Err(PcError::new(
            StatusCode::FORBIDDEN,
            "RoleNotEligible",
            "Adding customers needs the Global admin, User management admin, Admin agent or Sales agent role.",
        ));
    }
    if op == Op::Attest && !user.may_attest() {
        return Err(PcError::new(
            StatusCode::FORBIDDEN,
            "RoleNotEligibleToAttest",
            "Only an Admin agent or a Sales agent may attest the Microsoft Customer Agreement.",
        ));
    }
    let body = read_body(st, op, headers, body).await?;
    if let Some(secs) = st.throttle.remaining(op) {
        st.metrics.throttled(op.name());
        return Err(PcError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "Throttled",
            "Partner Center asked to wait before the next request.",
        )
        .retry_after(secs));
    }
    if op.method() != Method::POST {
        let answer = st.upstream_call(&route, trace, None).await?;
        return Ok((respond(answer, trace, false, op == Op::Domain), who, "-"));
    }
    let body = body.unwrap_or_default();
    let canonical: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|_| refuse("BodyNotJson", "The body is not JSON."))?;
    if !canonical.is_object() {
        return Err(refuse("BodyNotJson", "The body must be a JSON object."));
    }
    let mut h = Sha256::new();
    h.update(op.name());
    h.update([0]);
    h.update(&route.path);
    h.update([0]);
    h.update(serde_json::to_vec(&canonical).unwrap_or_default());
    let fingerprint = format!("{:x}", h.finalize());
    let wait = Duration::from_secs(st.cfg.partner_center.timeout_secs + 5);
    let begin = st
        .journal
        .begin(&trace.request_id, &fingerprint, op.name(), wait)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "journal unavailable");
            journal_down()
        })?;
    match begin {
        Begin::Replay { status, body } => {
            st.metrics.journal("replayed");
            let answer = Answer {
                status: StatusCode::from_u16(status).unwrap_or(StatusCode::OK),
                content_type: Some(HeaderValue::from_static("application/json; charset=utf-8")),
                retry_after: None,
                body: Bytes::from(body),
            };
            Ok((respond(answer, trace, true, false), who, "replayed"))
        }
        Begin::Conflict => {
            st.metrics.journal("conflict");
            Err(PcError::new(
                StatusCode::CONFLICT,
                "RequestIdReused",
                "This MS-RequestId was already used for a different request. A changed request needs a new MS-RequestId.",
            ))
        }
        Begin::Busy => {
            st.metrics.journal("busy");
            Err(PcError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "StillInProgress",
                "The same request is still being processed. Try again in a moment.",
            )
            .retry_after(2))
        }
        Begin::Forward { retried, recovered } => {
            st.metrics
                .journal(if recovered { "recovered" } else { "forwarded" });
            // Detached: if the browser goes away mid-call, the answer is still recorded, so its
            // retry replays it instead of waiting for the lease to run out.
            let st2 = st.clone();
            let request_id = trace.request_id.clone();
            let t = Trace {
                request_id: trace.request_id.clone(),
                correlation_id: trace.correlation_id.clone(),
                locale: trace.locale.clone(),
            };
            let task = tokio::spawn(async move {
                let result = match st2.upstream_call(&route, &t, Some(body)).await {
                    // A customer's domain is unique: a repeated create whose earlier attempt may
                    // have reached Partner Center and now finds the domain taken most likely
                    // created it. Say so instead of "domain not available".
                    Ok(a)
                        if retried
                            && op == Op::CreateCustomer
                            && a.status == StatusCode::CONFLICT =>
                    {
                        Ok(interrupted_create())
                    }
                    other => other,
                };
                match &result {
                    Ok(a) if is_final(a.status) => {
                        let stored = redact(op, &a.body);
                        if let Err(e) = st2
                            .journal
                            .complete(&request_id, a.status.as_u16(), &stored)
                            .await
                        {
                            tracing::error!(error = %e, "journal: could not record an answer");
                        }
                    }
                    _ => {
                        if let Err(e) = st2.journal.release(&request_id).await {
                            tracing::error!(error = %e, "journal: could not release an entry");
                        }
                    }
                }
                result
            });
            let answer = task.await.map_err(|_| journal_down())??;
            let note = if recovered { "recovered" } else { "forwarded" };
            Ok((respond(answer, trace, false, false), who, note))
        }
    }
}

/// A final answer is recorded and replayed: a success or a business failure (the contract:
/// docs/openapi.yaml). Throttling, timeouts, 5xx and credential failures are not: a retry with
/// the same id goes to Partner Center again.
fn is_final(status: StatusCode) -> bool {
    status.is_success()
        || (status.is_client_error()
            && !matches!(
                status,
                StatusCode::UNAUTHORIZED
                    | StatusCode::REQUEST_TIMEOUT
                    | StatusCode::TOO_MANY_REQUESTS
            ))
}

fn interrupted_create() -> Answer {
    let e = PcError::new(
        StatusCode::CONFLICT,
        "InterruptedCreateDomainTaken",
        "An earlier attempt of this submission was interrupted and the domain is now taken: that attempt probably created the customer. Look the domain up in Partner Center's customer list before trying again.",
    )
    .retryable(false);
    Answer {
        status: e.status,
        content_type: Some(HeaderValue::from_static("application/json; charset=utf-8")),
        retry_after: None,
        body: Bytes::from(e.body().to_string()),
    }
}

fn journal_down() -> PcError {
    PcError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "JournalUnavailable",
        "The request could not be recorded, so it was not sent. Try again in a moment.",
    )
}

/// The stored copy of an answer: a new customer's password is never written anywhere.
pub fn redact(op: Op, body: &[u8]) -> String {
    if op != Op::CreateCustomer {
        return String::from_utf8_lossy(body).into_owned();
    }
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(mut v) => {
            if let Some(creds) = v.get_mut("userCredentials").and_then(|c| c.as_object_mut()) {
                if creds.contains_key("password") {
                    creds.insert("password".into(), serde_json::Value::String(String::new()));
                    creds.insert("passwordRedacted".into(), serde_json::Value::Bool(true));
                }
            }
            v.to_string()
        }
        // Unreadable: nothing can be told apart, so nothing is kept.
        Err(_) => String::new(),
    }
}

async fn read_body(
    st: &AppState,
    op: Op,
    headers: &HeaderMap,
    body: Body,
) -> Result<Option<Bytes>, PcError> {
    let limit = st.cfg.partner_center.max_request_bytes;
    let too_large = || {
        PcError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "RequestTooLarge",
            format!("The request body is larger than {limit} bytes."),
        )
        .retryable(false)
    };
    let declared = one_header(headers, "content-length")?
        .map(|v| {
            v.parse::<usize>()
                .map_err(|_| refuse("HeaderRefused", "Content-Length is not valid."))
        })
        .transpose()?;
    if declared.is_some_and(|n| n > limit) {
        return Err(too_large());
    }
    let bytes = axum::body::to_bytes(body, limit)
        .await
        .map_err(|_| too_large())?;
    if op.method() != Method::POST {
        if !bytes.is_empty() {
            return Err(refuse("BodyRefused", "This call takes no body."));
        }
        return Ok(None);
    }
    let json = one_header(headers, "content-type")?
        .map(|v| v.to_ascii_lowercase())
        .is_some_and(|v| v == "application/json" || v.starts_with("application/json;"));
    if !json {
        return Err(PcError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "ContentTypeRefused",
            "The body must be application/json.",
        )
        .retryable(false));
    }
    Ok(Some(bytes))
}

fn profile(st: &AppState, user: &User, trace: &Trace) -> Response {
    let body = serde_json::json!({
        "roles": user.roles,
        "partnerType": st.cfg.partner.partner_type,
        "cloud": st.cfg.partner.cloud,
        "partnerEmailDomain": st.cfg.partner.email_domain,
    });
    let mut resp = (
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body.to_string(),
    )
        .into_response();
    add_trace(resp.headers_mut(), trace);
    resp
}

fn add_trace(h: &mut HeaderMap, trace: &Trace) {
    for (name, value) in trace.echo() {
        if let Ok(v) = HeaderValue::from_str(&value) {
            h.insert(name, v);
        }
    }
}

/// The browser's answer: Partner Center's status and body; a non-JSON error body is replaced
/// by the error shape so that the app can read it.
fn respond(a: Answer, trace: &Trace, replayed: bool, head: bool) -> Response {
    let json_body = a
        .content_type
        .as_ref()
        .and_then(|c| c.to_str().ok())
        .is_some_and(|c| c.starts_with("application/json"));
    // HEAD answers have no body (the domain check's 404 means "free"): passed as they are.
    let passes = a.status.is_success() || head || (json_body && looks_like_error(&a.body));
    let wrap = !passes;
    let mut resp = if wrap {
        let mut e = PcError::new(
            a.status,
            "PartnerCenterError",
            format!("Partner Center answered {}.", a.status.as_u16()),
        );
        if let Some(ra) = a
            .retry_after
            .as_ref()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse().ok())
        {
            e = e.retry_after(ra);
        }
        e.into_response()
    } else {
        let mut r = Response::new(Body::from(a.body));
        *r.status_mut() = a.status;
        if let Some(ct) = a.content_type {
            r.headers_mut().insert(header::CONTENT_TYPE, ct);
        }
        if let Some(ra) = a.retry_after {
            r.headers_mut().insert(header::RETRY_AFTER, ra);
        }
        r.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        r
    };
    if replayed {
        resp.headers_mut()
            .insert("x-cw-replayed", HeaderValue::from_static("true"));
    }
    add_trace(resp.headers_mut(), trace);
    resp
}

fn looks_like_error(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .is_some_and(|v| v.get("code").is_some() || v.get("errorName").is_some())
}

impl AppState {
    /// One call to Partner Center, with one renewal and one retry after a 401.
    pub async fn upstream_call(
        &self,
        route: &Route,
        trace: &Trace,
        body: Option<Bytes>,
    ) -> Result<Answer, PcError> {
        let op = route.op;
        let url = format!("{}{}{}", self.upstream_base, route.path, route.query);
        let mut token = self.tokens.get().await.map_err(token_error)?;
        let mut renewed = false;
        loop {
            let mut rb = self
                .http
                .request(op.method(), &url)
                .bearer_auth(token.expose())
                .header("ms-requestid", &trace.request_id)
                .header("ms-correlationid", &trace.correlation_id)
                .header("accept", "application/json")
                .header("ms-partnercenter-application", "customer-wizard-server")
                .timeout(Duration::from_secs(self.cfg.partner_center.timeout_secs));
            if let Some(l) = &trace.locale {
                rb = rb.header("x-locale", l);
            }
            if let Some(b) = &body {
                rb = rb
                    .header("content-type", "application/json")
                    .body(b.clone());
            }
            let started = Instant::now();
            let sent = rb.send().await;
            let resp = match sent {
                Ok(r) => r,
                Err(e) => {
                    self.metrics
                        .upstream(op.name(), started.elapsed().as_secs_f64());
                    return Err(upstream_failure(&e));
                }
            };
            let status = resp.status();
            if status == StatusCode::UNAUTHORIZED && !renewed {
                tracing::warn!(
                    op = op.name(),
                    "Partner Center refused the access token; renewing once"
                );
                token = self
                    .tokens
                    .renew_after_rejection(&token)
                    .await
                    .map_err(token_error)?;
                renewed = true;
                continue;
            }
            let content_type = resp.headers().get(header::CONTENT_TYPE).cloned();
            let retry_after = resp.headers().get(header::RETRY_AFTER).cloned();
            let body = read_limited(resp, self.cfg.partner_center.max_response_bytes).await;
            self.metrics
                .upstream(op.name(), started.elapsed().as_secs_f64());
            let body = body?;
            if status == StatusCode::UNAUTHORIZED {
                return Err(PcError::new(
                    StatusCode::BAD_GATEWAY,
                    "PartnerCenterRejectedCredentials",
                    "Partner Center refused this server's credentials. An administrator must check the server's Partner Center sign-in.",
                )
                .retryable(false));
            }
            if status == StatusCode::TOO_MANY_REQUESTS {
                let secs = retry_after
                    .as_ref()
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .unwrap_or(1)
                    .clamp(1, 300);
                self.throttle.hold(op, secs);
            }
            return Ok(Answer {
                status,
                content_type,
                retry_after,
                body,
            });
        }
    }
}

async fn read_limited(mut resp: reqwest::Response, limit: usize) -> Result<Bytes, PcError> {
    let mut out = Vec::new();
    loop {
        match resp.chunk().await {
            Ok(Some(c)) => {
                if out.len() + c.len() > limit {
                    return Err(PcError::new(
                        StatusCode::BAD_GATEWAY,
                        "AnswerTooLarge",
                        "Partner Center's answer was larger than this server accepts.",
                    ));
                }
                out.extend_from_slice(&c);
            }
            Ok(None) => return Ok(Bytes::from(out)),
            Err(e) => return Err(upstream_failure(&e)),
        }
    }
}

fn upstream_failure(e: &reqwest::Error) -> PcError {
    if e.is_timeout() {
        tracing::warn!("Partner Center did not answer in time");
        PcError::new(
            StatusCode::GATEWAY_TIMEOUT,
            "PartnerCenterTimeout",
            "Partner Center did not answer in time.",
        )
    } else {
        tracing::warn!(error = %format!("{}", DisplayNoUrl(e)), "Partner Center unreachable");
        PcError::new(
            StatusCode::BAD_GATEWAY,
            "PartnerCenterUnavailable",
            "Partner Center could not be reached or the connection was lost.",
        )
    }
}

struct DisplayNoUrl<'a>(&'a reqwest::Error);
impl std::fmt::Display for DisplayNoUrl<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = if self.0.is_connect() {
            "connect"
        } else if self.0.is_body() || self.0.is_decode() {
            "body"
        } else if self.0.is_request() {
            "request"
        } else {
            "other"
        };
        f.write_str(kind)
    }
}

fn token_error(e: TokenError) -> PcError {
    match e {
        TokenError::Refused(_) => PcError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "PartnerCenterSignInExpired",
            "This server's Partner Center sign-in is no longer valid. An administrator must renew its consent (docs/server.md).",
        )
        .retryable(false),
        TokenError::Unavailable => PcError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "TokenAuthorityUnavailable",
            "The sign-in service for Partner Center could not be reached. Try again in a moment.",
        )
        .retry_after(5),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(m: Method, u: &str) -> Result<Route, &'static str> {
        route(&m, &u.parse().unwrap(), "/api").map_err(|e| e.error_name)
    }

    #[test]
    fn contract_routes_match() {
        assert_eq!(
            r(Method::GET, "/api/v1/profiles/me").unwrap().op,
            Op::Profile
        );
        let o = r(Method::GET, "/api/v1/offers?size=50&country=US&offset=0").unwrap();
        assert_eq!(o.query, "?country=US&offset=0&size=50");
        let rel = r(
            Method::GET,
            "/api/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf&",
        )
        .unwrap();
        assert_eq!(
            rel.query,
            "?relationship_type=IsIndirectCloudSolutionProviderOf"
        );
        assert_eq!(
            r(Method::HEAD, "/api/v1/domains/contoso.onmicrosoft.com")
                .unwrap()
                .op,
            Op::Domain
        );
        assert_eq!(
            r(
                Method::POST,
                "/api/v1/customers/0ba8c3a5-7a54-4ae7-bd4b-1a1e7f1b1c01/orders"
            )
            .unwrap()
            .op,
            Op::Order
        );
    }

    #[test]
    fn everything_else_refused() {
        assert_eq!(
            r(Method::GET, "/api/v1/customers").unwrap_err(),
            "MethodNotAllowed"
        );
        assert_eq!(
            r(Method::DELETE, "/api/v1/customers").unwrap_err(),
            "MethodNotAllowed"
        );
        assert_eq!(
            r(Method::GET, "/api/v1/invoices").unwrap_err(),
            "RouteNotFound"
        );
        assert_eq!(
            r(Method::GET, "/api/v1/offers/../customers").unwrap_err(),
            "PathRefused"
        );
        assert_eq!(
            r(Method::GET, "/api/v1/countryvalidationrules/%55S").unwrap_err(),
            "EncodedPathRefused"
        );
        assert_eq!(
            r(Method::GET, "http://evil.example/api/v1/profiles/me").unwrap_err(),
            "AbsoluteUrlRefused"
        );
        assert_eq!(
            r(Method::GET, "/api//v1/profiles/me").unwrap_err(),
            "PathRefused"
        );
        assert_eq!(
            r(Method::GET, "/api/v1/countryvalidationrules/us").unwrap_err(),
            "InvalidPathParameter"
        );
        assert_eq!(
            r(Method::GET, "/api/v1/offers?country=US&country=GB").unwrap_err(),
            "QueryRefused"
        );
        assert_eq!(
            r(Method::GET, "/api/v1/offers?country=US&extra=1").unwrap_err(),
            "QueryRefused"
        );
        assert_eq!(
            r(Method::GET, "/api/v1/offers?size=5000&country=US").unwrap_err(),
            "QueryRefused"
        );
        assert_eq!(
            r(Method::GET, "/api/v1/offers?country=U%53").unwrap_err(),
            "EncodedQueryRefused"
        );
        assert_eq!(
            r(Method::POST, "/api/v1/customers/not-a-guid/orders").unwrap_err(),
            "InvalidPathParameter"
        );
        assert_eq!(
            r(Method::GET, "/api/v1/relationships").unwrap_err(),
            "QueryRefused"
        );
    }

    #[test]
    fn password_never_stored() {
        let body = br#"{"id":"x","userCredentials":{"userName":"admin","password":"S3cret!pass"}}"#;
        let stored = redact(Op::CreateCustomer, body);
        assert!(!stored.contains("S3cret"));
        assert!(stored.contains("\"passwordRedacted\":true"));
        assert_eq!(redact(Op::CreateCustomer, b"{not json"), "");
    }
}
