//! Who is asking: OIDC bearer tokens and trusted proxy headers; roles decided by the server.

use serde_json::{json, Value};

use crate::support::*;

#[tokio::test]
async fn oidc_bearer_tokens() {
    let w = World::new().await;
    let s = w
        .server(&Opts {
            identity: "oidc",
            ..Opts::default()
        })
        .await;
    let call = |path: &'static str, token: Option<String>| {
        let mut rb = w.http.get(format!("{}/api{path}", s.url));
        if let Some(t) = token {
            rb = rb.bearer_auth(t);
        }
        rb.send()
    };
    let expect = |r: reqwest::Response, status: u16, name: &'static str| async move {
        assert_eq!(r.status(), status);
        let v: Value = r.json().await.unwrap();
        assert!(is_pc_error(&v) && v["errorName"] == name, "{v}");
    };
    expect(
        call("/v1/profiles/me", None).await.unwrap(),
        401,
        "NotSignedIn",
    )
    .await;
    let expired = w.id_token(json!({ "expiresIn": -120 })).await;
    expect(
        call("/v1/profiles/me", Some(expired)).await.unwrap(),
        401,
        "TokenExpired",
    )
    .await;
    let other_aud = w.id_token(json!({ "aud": "api://another-app" })).await;
    expect(
        call("/v1/profiles/me", Some(other_aud)).await.unwrap(),
        401,
        "InvalidAudience",
    )
    .await;
    let forged = w.id_token(json!({ "forge": true })).await;
    expect(
        call("/v1/profiles/me", Some(forged)).await.unwrap(),
        401,
        "InvalidToken",
    )
    .await;
    let other_iss = w.id_token(json!({ "iss": "http://127.0.0.1:1" })).await;
    expect(
        call("/v1/profiles/me", Some(other_iss)).await.unwrap(),
        401,
        "InvalidIssuer",
    )
    .await;
    expect(
        call("/v1/profiles/me", Some("not.a.jwt".into()))
            .await
            .unwrap(),
        401,
        "InvalidToken",
    )
    .await;

    let ok = w.id_token(json!({ "roles": ["SalesAgent"] })).await;
    let r = call("/v1/profiles/me", Some(ok.clone())).await.unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        v,
        json!({ "roles": ["SalesAgent"], "partnerType": "indirectProvider", "cloud": "public", "partnerEmailDomain": "contoso-partner.example" })
    );
    assert_eq!(
        call("/v1/countryvalidationrules/US", Some(ok))
            .await
            .unwrap()
            .status(),
        200
    );

    // A signed-in user without an eligible role learns it from the profile, and the server
    // refuses the calls themselves.
    let billing = w.id_token(json!({ "roles": ["BillingAdmin"] })).await;
    let v: Value = call("/v1/profiles/me", Some(billing.clone()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["roles"], json!(["BillingAdmin"]));
    expect(
        call("/v1/countryvalidationrules/US", Some(billing))
            .await
            .unwrap(),
        403,
        "RoleNotEligible",
    )
    .await;
    // Only Admin and Sales agents may attest the customer agreement.
    let ga = w.id_token(json!({ "roles": ["GlobalAdmin"] })).await;
    let r = w
        .http
        .post(format!("{}/api/v1/customers/{}/agreements", s.url, guid()))
        .bearer_auth(ga)
        .header("ms-requestid", guid())
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    expect(r, 403, "RoleNotEligibleToAttest").await;
    assert_eq!(w.stub_log("path=/v1/customers*").await["totalCount"], 0);
}

#[tokio::test]
async fn trusted_headers_need_the_shared_secret() {
    let w = World::new().await;
    let s = w.server(&Opts::default()).await;
    let me = format!("{}/api/v1/profiles/me", s.url);
    // Forged: identity headers straight from the browser, without or with a wrong secret.
    for secret in [None, Some("wrong-secret-wrong-secret"), Some("")] {
        let mut rb = w
            .http
            .get(&me)
            .header("x-cw-user", "mallory")
            .header("x-cw-user-roles", "AdminAgent");
        if let Some(sec) = secret {
            rb = rb.header("x-cw-proxy-secret", sec);
        }
        let r = rb.send().await.unwrap();
        assert_eq!(r.status(), 401);
        let v: Value = r.json().await.unwrap();
        assert!(
            is_pc_error(&v) && v["errorName"] == "IdentityNotTrusted",
            "{v}"
        );
    }
    let r = as_user(w.http.get(&me), "AdminAgent, GlobalAdmin")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["roles"], json!(["AdminAgent", "GlobalAdmin"]));
    let r = as_user(
        w.http
            .get(format!("{}/api/v1/countryvalidationrules/US", s.url)),
        "BillingAdmin",
    )
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), 403);
}
