//! The relay: exactly the contract, refusals, limits, faults in Partner Center's shape, CORS,
//! the app's files and headers, the operational endpoints.

use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::*;

/// Sends a raw HTTP/1.1 request (reqwest would normalise what these tests need to send).
async fn raw(base: &str, text: &str) -> (u16, String) {
    let addr = base.trim_start_matches("http://");
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(text.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), s.read_to_end(&mut out)).await;
    let text = String::from_utf8_lossy(&out).to_string();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, text)
}

fn req(path: &str, extra: &str) -> String {
    format!(
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nx-cw-proxy-secret: {SECRET}\r\nx-cw-user: u\r\nx-cw-user-roles: AdminAgent\r\n{extra}\r\n"
    )
}

#[tokio::test]
async fn only_the_contract_is_relayed() {
    let w = World::new().await;
    let s = w.server(&Opts::default()).await;
    let refusals = [
        (req("/api/v1/invoices", ""), 404, "RouteNotFound"),
        (req("http://evil.example/api/v1/offers?country=US", ""), 400, "AbsoluteUrlRefused"),
        (req("/api/v1/offers/../customers", ""), 400, "PathRefused"),
        (req("/api/v1/%2e%2e/admin", ""), 400, "EncodedPathRefused"),
        (req("/api/v1/countryvalidationrules/U%53", ""), 400, "EncodedPathRefused"),
        (req("/api/v1/offers?country=US&url=http://evil", ""), 400, "QueryRefused"),
        (req("/api/v1/countryvalidationrules/us", ""), 400, "InvalidPathParameter"),
        (req("/api/v1/profiles/me", "ms-requestid: x\r\n"), 400, "InvalidRequestId"),
        (req("/api/v1/offers?country=US", "x-locale: en-US\r\nx-locale: tr-TR\r\n"), 400, "HeaderRefused"),
        (req("/api/v1/offers?country=US", "x-locale: en-US, evil\r\n"), 400, "InvalidLocale"),
        (
            "DELETE /api/v1/customers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_string(),
            405,
            "MethodNotAllowed",
        ),
        (
            format!("GET /api/v1/customers HTTP/1.1\r\nHost: x\r\nConnection: close\r\nx-cw-proxy-secret: {SECRET}\r\nx-cw-user: u\r\n\r\n"),
            405,
            "MethodNotAllowed",
        ),
    ];
    for (text, status, name) in refusals {
        let (got, body) = raw(&s.url, &text).await;
        assert_eq!(got, status, "{text}\n{body}");
        assert!(
            body.contains(&format!("\"errorName\":\"{name}\"")),
            "{text}\n{body}"
        );
        assert!(
            body.contains("\"source\":\"customer-wizard-server\""),
            "{body}"
        );
    }
    let log = w.stub_log("").await;
    assert_eq!(
        log["totalCount"], 0,
        "nothing refused reached Partner Center: {log}"
    );

    // And what is in the contract goes through, with the trace headers and the server's token.
    let rid = guid();
    let cid = guid();
    let r = w
        .http
        .get(format!("{}/api/v1/offers?country=US&size=5", s.url))
        .header("x-cw-proxy-secret", SECRET)
        .header("x-cw-user", "pat")
        .header("x-cw-user-roles", "SalesAgent")
        .header("ms-requestid", &rid)
        .header("ms-correlationid", &cid)
        .header("x-locale", "tr-TR")
        .header("cookie", "portal-session=abc")
        .header("x-forwarded-host", "evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["ms-requestid"], rid.as_str());
    assert_eq!(r.headers()["ms-correlationid"], cid.as_str());
    let page: Value = r.json().await.unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 5);
    let log = w.stub_log("path=/v1/offers").await;
    let h = &log["items"][0]["headers"];
    assert_eq!(h["MS-RequestId"], rid.as_str());
    assert_eq!(h["MS-CorrelationId"], cid.as_str());
    assert_eq!(h["X-Locale"], "tr-TR");
    let auth = h["Authorization"].as_str().unwrap();
    assert!(
        auth.starts_with("Bearer pc-at-"),
        "the server's Partner Center token: {auth}"
    );
    let all = log["items"][0].to_string();
    assert!(
        !all.contains("portal-session") && !all.contains("evil.example") && !all.contains(SECRET)
    );
}

#[tokio::test]
async fn size_and_time_limits() {
    let w = World::new().await;
    let s = w
        .server(&Opts {
            timeout_secs: 2,
            max_request_bytes: 4096,
            ..Opts::default()
        })
        .await;
    let big = json!({ "addressLine1": "x".repeat(5000), "city": "a", "state": "WA", "postalCode": "1", "country": "US" });
    let r = as_user(
        w.http.post(format!("{}/api/v1/validations/address", s.url)),
        "AdminAgent",
    )
    .header("ms-requestid", guid())
    .json(&big)
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), 413);
    let v: Value = r.json().await.unwrap();
    assert!(
        is_pc_error(&v) && v["errorName"] == "RequestTooLarge",
        "{v}"
    );

    // Partner Center holds the call: the server gives up after its timeout, in the error shape,
    // marked retryable.
    w.faults(json!([{ "path": "/v1/agreements", "kind": "timeout" }]))
        .await;
    let started = std::time::Instant::now();
    let r = as_user(
        w.http.get(format!(
            "{}/api/v1/agreements?agreementType=MicrosoftCustomerAgreement",
            s.url
        )),
        "AdminAgent",
    )
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), 504);
    assert!(started.elapsed() < Duration::from_secs(8));
    let v: Value = r.json().await.unwrap();
    assert!(
        is_pc_error(&v) && v["errorName"] == "PartnerCenterTimeout" && v["isRetryable"] == true,
        "{v}"
    );
    assert_eq!(w.stub_log("path=/v1/offers").await["totalCount"], 0);
}

#[tokio::test]
async fn faults_reported_in_partner_center_shape_and_429_honoured() {
    let w = World::new().await;
    let s = w.server(&Opts::default()).await;
    let get = |path: &str| as_user(w.http.get(format!("{}/api{path}", s.url)), "AdminAgent").send();
    // A 500 with Partner Center's own body passes as it is; one without a body gets the shape.
    w.faults(json!([{ "path": "/v1/customers/relationshiprequests", "kind": "status", "status": 500, "code": 3000, "description": "boom" }])).await;
    let r = get("/v1/customers/relationshiprequests").await.unwrap();
    assert_eq!(r.status(), 500);
    let v: Value = r.json().await.unwrap();
    assert!(is_pc_error(&v) && v["code"] == 3000, "{v}");
    w.faults(json!([{ "path": "/v1/relationships", "kind": "malformed" }]))
        .await;
    let r = get("/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf")
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        200,
        "a malformed 200 is passed on: the app reports it"
    );

    // 429: passed on with Retry-After; while it runs, the server answers 429 itself and does
    // not call Partner Center.
    w.faults(json!([{ "path": "/v1/offers", "kind": "rate-limit", "retryAfter": 30 }]))
        .await;
    let r = get("/v1/offers?country=US").await.unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["retry-after"], "30");
    let r = get("/v1/offers?country=GB").await.unwrap();
    assert_eq!(r.status(), 429);
    let ra: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=30).contains(&ra));
    let v: Value = r.json().await.unwrap();
    assert!(
        is_pc_error(&v) && v["errorName"] == "Throttled" && v["isRetryable"] == true,
        "{v}"
    );
    assert_eq!(w.stub_log("path=/v1/offers").await["totalCount"], 1);
    // Other operations are not held.
    assert_eq!(
        get("/v1/countryvalidationrules/US").await.unwrap().status(),
        200
    );

    // Partner Center unreachable: 502 in the shape.
    let mut w2 = World::new().await;
    let s2 = w2.server(&Opts::default()).await;
    w2.stub.kill().await;
    let r = as_user(
        w.http
            .get(format!("{}/api/v1/countryvalidationrules/US", s2.url)),
        "AdminAgent",
    )
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), 502);
    let v: Value = r.json().await.unwrap();
    assert!(is_pc_error(&v) && v["isRetryable"] == true, "{v}");
}

#[tokio::test]
async fn cors_only_for_configured_origins() {
    let w = World::new().await;
    let s = w.server(&Opts::default()).await;
    let preflight = |origin: &'static str| {
        w.http
            .request(
                reqwest::Method::OPTIONS,
                format!("{}/api/v1/customers", s.url),
            )
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "ms-requestid,content-type",
            )
            .send()
    };
    let ok = preflight("http://portal.example").await.unwrap();
    assert_eq!(
        ok.headers()["access-control-allow-origin"],
        "http://portal.example"
    );
    let other = preflight("http://evil.example").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
    let r = as_user(
        w.http
            .get(format!("{}/api/v1/countryvalidationrules/US", s.url)),
        "AdminAgent",
    )
    .header("origin", "http://evil.example")
    .send()
    .await
    .unwrap();
    assert!(r.headers().get("access-control-allow-origin").is_none());
    let r = as_user(
        w.http
            .get(format!("{}/api/v1/countryvalidationrules/US", s.url)),
        "AdminAgent",
    )
    .header("origin", "http://portal.example")
    .send()
    .await
    .unwrap();
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "http://portal.example"
    );
    assert!(r.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .contains("retry-after"));
}

#[tokio::test]
async fn serves_the_app_with_its_headers() {
    let w = World::new().await;
    let s = w.server(&Opts::default()).await;
    let r = w.http.get(format!("{}/", s.url)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let h = r.headers().clone();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval'") && csp.contains("connect-src 'self'")
    );
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["cache-control"], "no-cache");
    let html = r.text().await.unwrap();
    assert!(
        html.contains("<main id=\"customer-wizard\" data-api-base=\"/api\" class=\"cw-page\">"),
        "{html}"
    );

    let r = w
        .http
        .get(format!("{}/app-0123456789abcdef.js", s.url))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-encoding"], "br");
    assert_eq!(
        r.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(r.bytes().await.unwrap().as_ref(), b"BROTLI-BYTES");
    // No precompressed sibling: compressed on the fly, and revalidated (not a hashed name).
    let r = w
        .http
        .get(format!("{}/embed.js", s.url))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["content-encoding"], "gzip");
    assert_eq!(r.headers()["cache-control"], "no-cache");
    assert_eq!(
        w.http
            .get(format!("{}/nothing.js", s.url))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}

#[tokio::test]
async fn health_readiness_and_metrics() {
    let w = World::new().await;
    let s = w.server(&Opts::default()).await;
    assert_eq!(
        w.http
            .get(format!("{}/healthz", s.url))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let r = w
        .http
        .get(format!("{}/readyz", s.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["journal"], "sqlite");
    as_user(
        w.http
            .get(format!("{}/api/v1/countryvalidationrules/US", s.url)),
        "AdminAgent",
    )
    .send()
    .await
    .unwrap();
    let m = w.metrics(&s).await;
    assert!(
        m.contains("cw_http_requests_total{op=\"getCountryValidationRules\",status=\"200\"} 1"),
        "{m}"
    );
    assert!(m.contains("cw_token_grants_total{outcome=\"ok\"} 1"), "{m}");
}
