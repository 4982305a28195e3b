//! Partner Center tokens: one grant however many wait, renewal before expiry, one renewal and
//! one retry after a 401, a revoked refresh token, a rotated one kept.

use serde_json::{json, Value};

use crate::support::*;

async fn rules(w: &World, s: &Proc) -> reqwest::Response {
    as_user(
        w.http
            .get(format!("{}/api/v1/countryvalidationrules/US", s.url)),
        "AdminAgent",
    )
    .send()
    .await
    .unwrap()
}

#[tokio::test]
async fn one_grant_for_many_concurrent_requests() {
    let w = World::new().await;
    // A slow authority: every request arrives while the first grant is in flight.
    w.auth_config(json!({ "delayMs": 400 })).await;
    let s = w.server(&Opts::default()).await;
    let mut all = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let http = w.http.clone();
        let url = format!("{}/api/v1/countryvalidationrules/US", s.url);
        all.spawn(async move {
            as_user(http.get(url), "AdminAgent")
                .send()
                .await
                .unwrap()
                .status()
        });
    }
    while let Some(st) = all.join_next().await {
        assert_eq!(st.unwrap(), 200);
    }
    assert_eq!(w.auth_log().await["grants"], 1);
    let tokens: Vec<String> = w.stub_log("").await["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["headers"]["Authorization"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(tokens.len(), 20);
    assert!(tokens.iter().all(|t| *t == tokens[0]));
}

#[tokio::test]
async fn renewed_before_expiry() {
    let w = World::new().await;
    let s = w.server(&Opts::default()).await;
    // Tokens valid for an hour: one grant for three calls.
    for _ in 0..3 {
        assert_eq!(rules(&w, &s).await.status(), 200);
    }
    assert_eq!(w.auth_log().await["grants"], 1);
    // Tokens that expire within the renewal margin (300 s): renewed before each use.
    w.auth_config(json!({ "expiresIn": 200 })).await;
    let s2 = w.server(&Opts::default()).await;
    for _ in 0..3 {
        assert_eq!(rules(&w, &s2).await.status(), 200);
    }
    assert_eq!(w.auth_log().await["grants"], 1 + 3);
}

#[tokio::test]
async fn a_401_gets_one_renewal_and_one_retry() {
    let w = World::new().await;
    let s = w.server(&Opts::default()).await;
    assert_eq!(rules(&w, &s).await.status(), 200);
    w.faults(json!([{ "path": "/v1/countryvalidationrules/US", "kind": "status", "status": 401 }]))
        .await;
    assert_eq!(rules(&w, &s).await.status(), 200);
    assert_eq!(w.auth_log().await["grants"], 2);
    let log = w.stub_log("path=/v1/countryvalidationrules/US").await;
    let items = log["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[1]["status"], 401);
    assert_ne!(
        items[1]["headers"]["Authorization"],
        items[2]["headers"]["Authorization"]
    );
    // Refused twice: one renewal only, then a 502 in the error shape (not a loop).
    w.faults(json!([{ "path": "/v1/countryvalidationrules/US", "kind": "status", "status": 401, "times": 2 }])).await;
    let r = rules(&w, &s).await;
    assert_eq!(r.status(), 502);
    let v: Value = r.json().await.unwrap();
    assert!(is_pc_error(&v) && v["errorName"] == "PartnerCenterRejectedCredentials");
    assert_eq!(w.auth_log().await["grants"], 3);
}

#[tokio::test]
async fn revoked_refresh_token_is_reported_without_secrets() {
    let w = World::new().await;
    w.auth_config(json!({ "revoked": true })).await;
    let s = w.server(&Opts::default()).await;
    let r = rules(&w, &s).await;
    assert_eq!(r.status(), 503);
    let text = r.text().await.unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(
        is_pc_error(&v)
            && v["errorName"] == "PartnerCenterSignInExpired"
            && v["isRetryable"] == false,
        "{v}"
    );
    let ready = w
        .http
        .get(format!("{}/readyz", s.url))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 503);
    let ready = ready.text().await.unwrap();
    // The authority's error text quotes the refresh token: none of it may leak.
    for place in [&text, &ready, &s.logs()] {
        assert!(!place.contains(REFRESH_TOKEN), "{place}");
        assert!(!place.contains(CLIENT_SECRET), "{place}");
    }
    assert!(s.logs().contains("invalid_grant"));
    assert_eq!(w.stub_log("").await["totalCount"], 0);
}

#[tokio::test]
async fn rotated_refresh_token_is_kept() {
    let w = World::new().await;
    // Each grant answers a new refresh token and invalidates the one used.
    w.auth_config(json!({ "rotate": true, "expiresIn": 100 }))
        .await;
    let s = w.server(&Opts::default()).await;
    for _ in 0..3 {
        assert_eq!(rules(&w, &s).await.status(), 200);
    }
    let log = w.auth_log().await;
    assert_eq!(log["grants"], 3, "{log}");
    assert_eq!(log["refused"], 0, "{log}");
    let kept = std::fs::read_to_string(w.dir.join("refresh-token")).unwrap();
    assert!(
        kept.starts_with("rt-"),
        "the newest refresh token is in its file: {kept}"
    );
    assert!(!s.logs().contains(&kept));
    // A restart starts from the file.
    drop(s);
    let s2 = w.server(&Opts::default()).await;
    assert_eq!(rules(&w, &s2).await.status(), 200);
    assert_eq!(w.auth_log().await["refused"], 0);
}
