//! The journal, on SQLite and on PostgreSQL: a retry gets the recorded answer or waits for the
//! one in flight, a changed body under the same id is refused, the new password is never
//! stored, a server killed mid-call does not create a second customer, and 50 concurrent
//! submissions with faults create every customer and order exactly once.

use std::time::Duration;

use serde_json::{json, Value};

use crate::on_each_database;
use crate::support::*;

on_each_database!(
    replay_and_conflict,
    retry_waits_for_the_call_in_flight,
    server_killed_mid_call_creates_one_customer,
    fifty_concurrent_submissions,
);

const OFFER: &str = "CFQ7TTC0CGXR:0002";

fn post(w: &World, base: &str, path: &str, rid: &str, body: &Value) -> reqwest::RequestBuilder {
    as_user(w.http.post(format!("{base}/api{path}")), "AdminAgent")
        .header("ms-requestid", rid)
        .json(body)
}

/// The POST's response (the request itself is expected to reach the server).
async fn send(w: &World, base: &str, path: &str, rid: &str, body: &Value) -> reqwest::Response {
    post(w, base, path, rid, body).send().await.unwrap()
}

async fn status_of(w: &World, base: &str, path: &str, rid: &str, body: &Value) -> u16 {
    send(w, base, path, rid, body).await.status().as_u16()
}

fn agreement() -> Value {
    json!({ "primaryContact": { "firstName": "Jo", "lastName": "Doe", "email": "jo@fabrikam.example" },
            "dateAgreed": "2026-11-01", "templateId": "117a77b0-9360-443b-8795-c6dedc750cf9",
            "type": "MicrosoftCustomerAgreement" })
}

fn order(customer: &str) -> Value {
    json!({ "referenceCustomerId": customer, "billingCycle": "monthly",
            "lineItems": [{ "lineItemNumber": 0, "offerId": OFFER, "quantity": 3 }] })
}

async fn metric(w: &World, s: &Proc, needle: &str) -> bool {
    w.metrics(s).await.lines().any(|l| l.starts_with(needle))
}

// ------------------------------------------------------------------ replay and conflicts
async fn replay_and_conflict(db: Db) {
    let w = World::with(db.clone(), true).await;
    let s = w.server(&Opts::default()).await;
    let rid = guid();
    let body = customer_body(&format!("replay{}", &guid()[..8]));
    let first = send(&w, &s.url, "/v1/customers", &rid, &body).await;
    assert_eq!(first.status(), 201);
    let first: Value = first.json().await.unwrap();
    let password = first["userCredentials"]["password"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(password.len() >= 12);

    let again = send(&w, &s.url, "/v1/customers", &rid, &body).await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["x-cw-replayed"], "true");
    let again: Value = again.json().await.unwrap();
    assert_eq!(again["id"], first["id"]);
    assert_eq!(
        again["userCredentials"]["userName"],
        first["userCredentials"]["userName"]
    );
    assert_eq!(
        again["userCredentials"]["password"], "",
        "a replay never shows the password"
    );
    assert_eq!(again["userCredentials"]["passwordRedacted"], true);
    let log = w.stub_log("method=POST&path=/v1/customers").await;
    assert_eq!(
        log["totalCount"], 1,
        "the replay did not reach Partner Center"
    );

    // Same id, another body: refused, and nothing sent.
    let mut changed = body.clone();
    changed["BillingProfile"]["CompanyName"] = json!("Another name");
    let r = send(&w, &s.url, "/v1/customers", &rid, &changed).await;
    assert_eq!(r.status(), 409);
    let v: Value = r.json().await.unwrap();
    assert!(
        is_pc_error(&v) && v["errorName"] == "RequestIdReused",
        "{v}"
    );
    // The same id on another operation is another request too.
    let r = send(
        &w,
        &s.url,
        &format!("/v1/customers/{}/orders", first["id"].as_str().unwrap()),
        &rid,
        &order(first["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(r.status(), 409);
    assert_eq!(
        w.stub_log("method=POST&path=/v1/customers*").await["totalCount"],
        1
    );

    // The password is nowhere on disk (SQLite: the database files) nor in the logs.
    if let Db::Sqlite = db {
        for f in std::fs::read_dir(&w.dir).unwrap() {
            let bytes = std::fs::read(f.unwrap().path()).unwrap_or_default();
            assert!(!String::from_utf8_lossy(&bytes).contains(&password));
        }
    }
    assert!(!s.logs().contains(&password));
}

// --------------------------------------------------------- a retry waits for the one in flight
async fn retry_waits_for_the_call_in_flight(db: Db) {
    // Partner Center without its own deduplication: only the server can prevent a repeat.
    let w = World::with(db, false).await;
    let s = w.server(&Opts::default()).await;
    let s2 = w.server(&Opts::default()).await;
    let customer: Value = send(
        &w,
        &s.url,
        "/v1/customers",
        &guid(),
        &customer_body(&format!("wait{}", &guid()[..8])),
    )
    .await
    .json()
    .await
    .unwrap();
    let id = customer["id"].as_str().unwrap().to_string();
    w.faults(
        json!([{ "method": "POST", "path": "/v1/customers/*", "kind": "latency", "ms": 1500 }]),
    )
    .await;
    let rid = guid();
    // The browser gives up after 300 ms and retries, on the other instance.
    let gave_up = post(
        &w,
        &s.url,
        &format!("/v1/customers/{id}/orders"),
        &rid,
        &order(&id),
    )
    .timeout(Duration::from_millis(300))
    .send()
    .await;
    assert!(gave_up.is_err());
    let retry = send(
        &w,
        &s2.url,
        &format!("/v1/customers/{id}/orders"),
        &rid,
        &order(&id),
    )
    .await;
    assert_eq!(retry.status(), 201);
    let o: Value = retry.json().await.unwrap();
    // Every call that reached Partner Center is in its log from its first byte on: one.
    let sent = w.stub_log("method=POST&path=/v1/customers/*").await;
    assert_eq!(sent["totalCount"], 1, "the retry was not forwarded: {sent}");
    let state = w.stub_state().await;
    assert_eq!(
        state["orders"].as_array().unwrap().len(),
        1,
        "one order: {state}"
    );
    assert_eq!(state["orders"][0]["id"], o["id"]);
}

// ------------------------------------------------------- killed between customer and orders
async fn server_killed_mid_call_creates_one_customer(db: Db) {
    let w = World::with(db, true).await;
    let opts = Opts {
        lease_secs: 3,
        ..Opts::default()
    };
    let mut s = w.server(&opts).await;
    let body = customer_body(&format!("kill{}", &guid()[..8]));
    let rid = guid();
    w.faults(json!([{ "method": "POST", "path": "/v1/customers", "kind": "latency", "ms": 1500 }]))
        .await;
    let http = w.http.clone();
    let url = s.url.clone();
    let (b, r) = (body.clone(), rid.clone());
    let lost = tokio::spawn(async move {
        as_user(http.post(format!("{url}/api/v1/customers")), "AdminAgent")
            .header("ms-requestid", r)
            .json(&b)
            .send()
            .await
    });
    // Once the call is journaled and on its way to Partner Center, SIGKILL the server.
    while !metric(&w, &s, "cw_journal_total{outcome=\"forwarded\"} 1").await {
        tokio::task::yield_now().await;
    }
    s.kill().await;
    assert!(lost.await.unwrap().is_err(), "the browser lost the answer");
    // Partner Center still creates the customer (the request had reached it).
    let s = w.server(&opts).await;
    let r = send(&w, &s.url, "/v1/customers", &rid, &body).await;
    assert_eq!(r.status(), 201);
    let c: Value = r.json().await.unwrap();
    let id = c["id"].as_str().unwrap();
    assert!(metric(&w, &s, "cw_journal_total{outcome=\"recovered\"} 1").await);
    assert_eq!(
        status_of(
            &w,
            &s.url,
            &format!("/v1/customers/{id}/agreements"),
            &guid(),
            &agreement()
        )
        .await,
        201
    );
    assert_eq!(
        status_of(
            &w,
            &s.url,
            &format!("/v1/customers/{id}/orders"),
            &guid(),
            &order(id)
        )
        .await,
        201
    );
    let state = w.stub_state().await;
    assert_eq!(state["customers"].as_array().unwrap().len(), 1, "{state}");
    assert_eq!(state["orders"].as_array().unwrap().len(), 1, "{state}");
}

// ------------------------------------------------------ drop after commit, with PC's dedupe
#[tokio::test]
async fn drop_after_commit_resumes_with_the_same_customer() {
    let w = World::new().await;
    let s = w.server(&Opts::default()).await;
    w.faults(json!([{ "method": "POST", "path": "/v1/customers", "kind": "drop-after" }]))
        .await;
    let rid = guid();
    let body = customer_body(&format!("drop{}", &guid()[..8]));
    let r = send(&w, &s.url, "/v1/customers", &rid, &body).await;
    assert_eq!(
        r.status(),
        502,
        "the connection died after Partner Center acted"
    );
    let v: Value = r.json().await.unwrap();
    assert!(is_pc_error(&v) && v["isRetryable"] == true);
    let r = send(&w, &s.url, "/v1/customers", &rid, &body).await;
    assert_eq!(r.status(), 201);
    assert_eq!(
        w.stub_state().await["customers"].as_array().unwrap().len(),
        1
    );
}

// --------------------------------------------------- 50 concurrent submissions with faults
/// One submission as the app makes it: three calls, each retried with its own MS-RequestId
/// after a timeout, a 5xx or a 429 (after Retry-After), alternating between the instances.
async fn submit(
    http: reqwest::Client,
    servers: Vec<String>,
    n: usize,
) -> Result<(String, String), String> {
    async fn step(
        http: &reqwest::Client,
        servers: &[String],
        n: usize,
        path: &str,
        body: &Value,
    ) -> Result<Value, String> {
        let rid = guid();
        for attempt in 0..60 {
            let base = &servers[(n + attempt) % servers.len()];
            let sent = as_user(http.post(format!("{base}/api{path}")), "AdminAgent")
                .header("ms-requestid", &rid)
                .timeout(Duration::from_millis(1500))
                .json(body)
                .send()
                .await;
            let wait = match sent {
                Err(_) => Duration::from_millis(50),
                Ok(r) => {
                    let status = r.status().as_u16();
                    let ra = r
                        .headers()
                        .get("retry-after")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.parse::<u64>().ok());
                    let v: Value = r.json().await.unwrap_or(Value::Null);
                    if (200..300).contains(&status) {
                        return Ok(v);
                    }
                    if status == 409 && v["code"] == 600061 {
                        return Ok(v);
                    }
                    if status != 429 && status < 500 {
                        return Err(format!("{path}: {status} {v}"));
                    }
                    ra.map(Duration::from_secs)
                        .unwrap_or(Duration::from_millis(100))
                }
            };
            tokio::time::sleep(wait).await;
        }
        Err(format!("{path}: gave up"))
    }
    let c = step(
        &http,
        &servers,
        n,
        "/v1/customers",
        &customer_body(&format!("load{n}x{}", &guid()[..6])),
    )
    .await?;
    let id = c["id"].as_str().ok_or("no id")?.to_string();
    step(
        &http,
        &servers,
        n,
        &format!("/v1/customers/{id}/agreements"),
        &agreement(),
    )
    .await?;
    let o = step(
        &http,
        &servers,
        n,
        &format!("/v1/customers/{id}/orders"),
        &order(&id),
    )
    .await?;
    Ok((id, o["id"].as_str().unwrap_or_default().to_string()))
}

async fn fifty_concurrent_submissions(db: Db) {
    // With faults on both; SQLite serves one instance, PostgreSQL two sharing the journal.
    let instances = match db {
        Db::Sqlite => 1,
        Db::Postgres => 2,
    };
    // Partner Center without its own deduplication: every repeat the server let through would
    // be a second order.
    let w = World::with(db, false).await;
    // The server's Partner Center timeout stays well above the latency faults: a call that
    // times out at the server after Partner Center committed can only be told apart by
    // Partner Center's own MS-RequestId deduplication, which is off here.
    let opts = Opts {
        timeout_secs: 10,
        ..Opts::default()
    };
    let mut servers = Vec::new();
    for _ in 0..instances {
        servers.push(w.server(&opts).await);
    }
    w.faults(json!([
        { "method": "POST", "path": "/v1/customers", "kind": "latency", "ms": 2000, "times": 8 },
        { "method": "POST", "path": "/v1/customers", "kind": "status", "status": 500, "times": 5 },
        { "method": "POST", "path": "/v1/customers", "kind": "rate-limit", "retryAfter": 1, "times": 2 },
        { "method": "POST", "path": "/v1/customers/*", "kind": "latency", "ms": 2000, "times": 10 },
        { "method": "POST", "path": "/v1/customers/*", "kind": "status", "status": 503, "times": 6 },
        { "method": "POST", "path": "/v1/customers/*", "kind": "timeout", "times": 2 }
    ]))
    .await;
    let urls: Vec<String> = servers.iter().map(|s| s.url.clone()).collect();
    let mut all = tokio::task::JoinSet::new();
    for n in 0..50 {
        all.spawn(submit(w.http.clone(), urls.clone(), n));
    }
    let mut done = Vec::new();
    while let Some(r) = all.join_next().await {
        done.push(r.unwrap());
    }
    let failed: Vec<&String> = done.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(failed.is_empty(), "lost submissions: {failed:?}");
    let state = w.stub_state().await;
    let customers = state["customers"].as_array().unwrap();
    let orders = state["orders"].as_array().unwrap();
    let mut domains: Vec<&str> = customers
        .iter()
        .map(|c| c["companyProfile"]["domain"].as_str().unwrap())
        .collect();
    domains.sort();
    domains.dedup();
    assert_eq!(customers.len(), 50, "duplicate or missing customers");
    assert_eq!(domains.len(), 50);
    let mut per_customer: Vec<&str> = orders
        .iter()
        .map(|o| o["referenceCustomerId"].as_str().unwrap())
        .collect();
    assert_eq!(orders.len(), 50, "duplicate or missing orders");
    per_customer.sort();
    per_customer.dedup();
    assert_eq!(per_customer.len(), 50);
    assert_eq!(state["agreements"].as_array().unwrap().len(), 50);
    let replays: usize = {
        let mut n = 0;
        for s in &servers {
            n += w
                .metrics(s)
                .await
                .lines()
                .filter(|l| l.starts_with("cw_journal_total{outcome=\"replayed\"}"))
                .filter_map(|l| l.rsplit(' ').next()?.parse::<usize>().ok())
                .sum::<usize>();
        }
        n
    };
    assert!(
        replays > 0,
        "the faults made the journal answer some retries"
    );
}

// ------------------------- a repeated create after a lost answer, without Partner Center's dedupe
#[tokio::test]
async fn repeated_create_finding_its_domain_taken_is_not_a_second_customer() {
    let w = World::with(Db::Sqlite, false).await;
    let s = w.server(&Opts::default()).await;
    w.faults(json!([{ "method": "POST", "path": "/v1/customers", "kind": "drop-after" }]))
        .await;
    let rid = guid();
    let body = customer_body(&format!("lost{}", &guid()[..8]));
    assert_eq!(
        status_of(&w, &s.url, "/v1/customers", &rid, &body).await,
        502
    );
    let r = send(&w, &s.url, "/v1/customers", &rid, &body).await;
    assert_eq!(r.status(), 409);
    let v: Value = r.json().await.unwrap();
    assert!(
        is_pc_error(&v)
            && v["errorName"] == "InterruptedCreateDomainTaken"
            && v["isRetryable"] == false,
        "{v}"
    );
    assert_eq!(
        w.stub_state().await["customers"].as_array().unwrap().len(),
        1
    );
}

// ---------------------------------------------- a business failure is final, a 5xx is not
#[tokio::test]
async fn business_failures_are_replayed_and_5xx_sent_again() {
    let w = World::new().await;
    let s = w.server(&Opts::default()).await;
    w.faults(json!([
        { "method": "POST", "path": "/v1/customers", "kind": "business", "code": 27002, "data": ["StateInvalid"] },
    ]))
    .await;
    let rid = guid();
    let body = customer_body(&format!("biz{}", &guid()[..8]));
    let first = send(&w, &s.url, "/v1/customers", &rid, &body).await;
    assert_eq!(first.status(), 400);
    let again = send(&w, &s.url, "/v1/customers", &rid, &body).await;
    assert_eq!(again.status(), 400);
    assert_eq!(again.headers()["x-cw-replayed"], "true");
    let v: Value = again.json().await.unwrap();
    assert_eq!(v["code"], 27002);
    assert_eq!(
        w.stub_log("method=POST&path=/v1/customers").await["totalCount"],
        1
    );

    w.faults(
        json!([{ "method": "POST", "path": "/v1/customers", "kind": "status", "status": 503 }]),
    )
    .await;
    let rid = guid();
    let body = customer_body(&format!("svc{}", &guid()[..8]));
    assert_eq!(
        status_of(&w, &s.url, "/v1/customers", &rid, &body).await,
        503
    );
    assert_eq!(
        status_of(&w, &s.url, "/v1/customers", &rid, &body).await,
        201
    );
}
