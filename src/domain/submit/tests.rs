use super::*;
use crate::api::ApiError;
use crate::domain::model::{BillingCycle, OrderLine};

fn keys() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("key-{n}")
    }
}

fn spec(group: &str, offers: &[(&str, u32)]) -> Order {
    Order {
        sales_group: group.into(),
        billing_cycle: BillingCycle::Monthly,
        lines: offers
            .iter()
            .map(|(id, q)| OrderLine {
                offer_id: id.to_string(),
                quantity: *q,
                friendly_name: String::new(),
                term_duration: None,
                offer_name: String::new(),
            })
            .collect(),
    }
}

fn customer() -> CustomerRef {
    CustomerRef {
        id: "c1".into(),
        domain: "contoso.onmicrosoft.com".into(),
        company_name: "Contoso".into(),
        user_name: "admin".into(),
    }
}

fn placed(id: &str) -> PlacedOrder {
    PlacedOrder {
        id: id.into(),
        status: "completed".into(),
    }
}

fn business(code: i64, data: &[&str]) -> ApiError {
    let body = serde_json::json!({"code": code, "description": "nope", "data": data});
    ApiError::from_status(400, &body.to_string(), None)
}

#[test]
fn walks_customer_then_agreement_then_each_order() {
    let mut s = Submission::new(
        keys(),
        true,
        vec![spec("Office", &[("A", 5)]), spec("Azure", &[("B", 1)])],
    );
    assert_eq!(s.stage(), Stage::CreateCustomer);
    assert_eq!(s.key(Stage::CreateCustomer), Some("key-1"));
    assert_eq!(s.key(Stage::Attest), Some("key-2"));
    assert_eq!(s.key(Stage::Order(0)), Some("key-3"));
    assert_eq!(s.key(Stage::Order(1)), Some("key-4"));
    s.record_customer(customer());
    assert_eq!(s.stage(), Stage::Attest);
    assert!(s.partial());
    s.record_attested();
    assert_eq!(s.stage(), Stage::Order(0));
    s.record_order(0, placed("o1"));
    assert_eq!(s.stage(), Stage::Order(1));
    s.record_order(1, placed("o2"));
    assert_eq!(s.stage(), Stage::Finished);
    assert!(!s.partial());
}

#[test]
fn no_agreement_stage_when_the_customer_accepts_later_and_no_orders_is_fine() {
    let mut s = Submission::new(keys(), false, vec![]);
    assert_eq!(s.key(Stage::Attest), None);
    s.record_customer(customer());
    assert_eq!(s.stage(), Stage::Finished);
    assert_eq!(
        s.stages(None, None),
        vec![(Stage::CreateCustomer, StageStatus::Done)]
    );
}

#[test]
fn a_saved_submission_resumes_after_each_stage_with_the_same_keys() {
    let mut s = Submission::new(keys(), true, vec![spec("Office", &[("A", 5)])]);
    for step in 0..4 {
        // Survives a reload: round-trip through storage JSON.
        // Written and read back the way the app stores it.
        let json = crate::api::json::to_string(&s);
        assert!(!json.contains("password"));
        let back: Submission = crate::api::json::from_str(&json).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.stage(), s.stage());
        assert_eq!(back.key(back.stage()), s.key(s.stage()));
        match step {
            0 => s.record_customer(customer()),
            1 => s.record_attested(),
            2 => s.record_order(0, placed("o1")),
            _ => assert_eq!(s.stage(), Stage::Finished),
        }
    }
}

#[test]
fn stage_statuses_for_the_progress_view() {
    let mut s = Submission::new(keys(), true, vec![spec("Office", &[("A", 5)])]);
    s.record_customer(customer());
    assert_eq!(
        s.stages(Some(Stage::Attest), None),
        vec![
            (Stage::CreateCustomer, StageStatus::Done),
            (Stage::Attest, StageStatus::InProgress),
            (Stage::Order(0), StageStatus::Waiting),
        ]
    );
    assert_eq!(
        s.stages(None, Some(Stage::Attest))[1].1,
        StageStatus::Failed
    );
}

#[test]
fn replanning_keeps_done_work_and_unchanged_keys() {
    let mut s = Submission::new(
        keys(),
        true,
        vec![spec("Office", &[("A", 5)]), spec("Azure", &[("B", 1)])],
    );
    s.record_customer(customer());
    s.record_attested();
    s.record_order(0, placed("o1"));
    let azure_key = s.key(Stage::Order(1)).unwrap().to_string();
    // The user fixed a quantity on the Azure line: a new order, a new key.
    s.replan(
        keys(),
        true,
        vec![spec("Office", &[("A", 5)]), spec("Azure", &[("B", 2)])],
    );
    assert_eq!(s.orders.len(), 2);
    assert_eq!(s.orders[0].placed, Some(placed("o1")));
    assert_eq!(s.stage(), Stage::Order(1));
    assert_ne!(s.key(Stage::Order(1)).unwrap(), azure_key);
    assert_eq!(s.customer, Some(customer()));
    // Nothing changed: the same key is kept (a retry is recognised).
    let key = s.key(Stage::Order(1)).unwrap().to_string();
    s.replan(
        keys(),
        true,
        vec![spec("Office", &[("A", 5)]), spec("Azure", &[("B", 2)])],
    );
    assert_eq!(s.key(Stage::Order(1)).unwrap(), key);
}

#[test]
fn transient_failures_offer_retry() {
    let s = Submission::new(keys(), false, vec![]);
    for e in [
        ApiError::Timeout,
        ApiError::Network("x".into()),
        ApiError::Offline,
        ApiError::from_status(503, "", None),
        ApiError::from_status(429, "", Some(1)),
    ] {
        assert_eq!(
            route_error(Stage::CreateCustomer, &e, &s),
            Failure::Transient,
            "{e:?}"
        );
    }
}

/// The fields a failure sends the user to on Account info.
fn fields(f: &Failure) -> Vec<FieldId> {
    match f {
        Failure::Account { fields, .. } => fields.iter().map(|(f, _)| *f).collect(),
        _ => Vec::new(),
    }
}

#[test]
fn business_errors_go_to_their_field() {
    let s = Submission::new(keys(), true, vec![]);
    let at = |e: ApiError| route_error(Stage::CreateCustomer, &e, &s);
    assert_eq!(
        fields(&at(business(27002, &["StateInvalid"]))),
        [FieldId::State]
    );
    assert_eq!(
        fields(&at(business(27002, &["PostalCode"]))),
        [FieldId::PostalCode]
    );
    assert_eq!(
        at(business(27100, &[])),
        Failure::Account {
            fields: vec![(FieldId::DomainPrefix, FieldError::DomainTaken)],
            unknown: vec![]
        }
    );
    assert_eq!(
        fields(&at(business(600049, &[]))),
        [FieldId::RegistrationNumber]
    );
    assert_eq!(
        fields(&at(business(600050, &[]))),
        [FieldId::RegistrationNumber]
    );
    assert_eq!(fields(&at(business(600051, &[]))), [FieldId::Phone]);
    assert_eq!(
        fields(&route_error(Stage::Attest, &business(13605, &[]), &s)),
        [FieldId::Agreement]
    );
    assert_eq!(at(business(12345, &[])).step(), None);
    assert_eq!(at(business(27002, &["City"])).step(), Some(Step::Account));
}

#[test]
fn partner_centers_own_27002_format_sends_each_property_to_its_field() {
    let s = Submission::new(keys(), true, vec![]);
    let at = |stage, data: &[&str]| route_error(stage, &business(27002, data), &s);
    // As Partner Center sends it (tests/fixtures/error.invalid-property.json).
    let real = ApiError::from_status(
        400,
        include_str!("../../../tests/fixtures/error.invalid-property.json"),
        None,
    );
    assert_eq!(
        route_error(Stage::CreateCustomer, &real, &s),
        Failure::Account {
            fields: vec![(
                FieldId::PostalCode,
                FieldError::Refused(FieldId::PostalCode)
            )],
            unknown: vec![]
        }
    );
    // Several properties, any spacing and case: each to its own field, with its own message.
    assert_eq!(
        at(
            Stage::CreateCustomer,
            &[
                "property_name:  StateInvalid - Details",
                "PROPERTY_NAME:cityinvalid - details",
                "property_name:   CountryInvalid - Details",
                "property_name:  NotificationEmailAddress - Details",
            ]
        ),
        Failure::Account {
            fields: vec![
                (FieldId::State, FieldError::Refused(FieldId::State)),
                (FieldId::City, FieldError::Refused(FieldId::City)),
                (FieldId::Country, FieldError::Refused(FieldId::Country)),
                (FieldId::Email, FieldError::Refused(FieldId::Email)),
            ],
            unknown: vec![]
        }
    );
    // A property no field holds is named, on Account info: never a Try again loop.
    let unknown = at(
        Stage::CreateCustomer,
        &["property_name:  TaxIdInvalid - Details", "StateInvalid"],
    );
    assert_eq!(
        unknown,
        Failure::Account {
            fields: vec![(FieldId::State, FieldError::Refused(FieldId::State))],
            unknown: vec!["TaxId".into()]
        }
    );
    assert_eq!(unknown.step(), Some(Step::Account));
    let nothing_named = route_error(
        Stage::CreateCustomer,
        &ApiError::from_status(
            400,
            r#"{"code":27002,"description":"A property has invalid data.","data":[]}"#,
            None,
        ),
        &s,
    );
    assert_eq!(
        nothing_named,
        Failure::Account {
            fields: vec![],
            unknown: vec![]
        }
    );
    assert_eq!(nothing_named.step(), Some(Step::Account));
    // At the agreement, the contact is the person who accepted.
    assert_eq!(
        fields(&at(
            Stage::Attest,
            &["property_name:  EmailInvalid - Details", "DateAgreed"]
        )),
        [FieldId::SignerEmail, FieldId::DateAgreed]
    );
}

#[test]
fn a_key_belongs_to_one_body_and_a_refusal_spends_it() {
    let mut s = Submission::new(
        keys(),
        true,
        vec![spec("Office", &[("A", 5)]), spec("Azure", &[("B", 1)])],
    );
    let mut fresh = keys();
    let mut new_key = move || format!("new-{}", fresh());
    let stages = [
        Stage::CreateCustomer,
        Stage::Attest,
        Stage::Order(0),
        Stage::Order(1),
    ];
    for stage in stages {
        let first = s.key(stage).unwrap().to_string();
        // The first send and a retry of the same body (timeout, drop, 5xx, 429): one key.
        assert_eq!(
            s.key_for(stage, "{\"a\":1}", &mut new_key),
            first,
            "{stage:?}"
        );
        assert_eq!(
            s.key_for(stage, "{\"a\":1}", &mut new_key),
            first,
            "{stage:?}"
        );
        // The user changed something: a new operation, a new key; its retry keeps it.
        let second = s.key_for(stage, "{\"a\":2}", &mut new_key);
        assert_ne!(second, first, "{stage:?}");
        assert_eq!(s.key_for(stage, "{\"a\":2}", &mut new_key), second);
        // A business failure is a final answer: the next call gets a new key, even with
        // the same body (Partner Center re-evaluates it instead of replaying the refusal).
        s.refused(stage, &mut new_key);
        let third = s.key_for(stage, "{\"a\":2}", &mut new_key);
        assert_ne!(third, second, "{stage:?}");
        assert_eq!(s.key_for(stage, "{\"a\":2}", &mut new_key), third);
    }
    // Every key differs, and the state survives storage (a reload retries with the same key).
    let all: Vec<_> = stages
        .iter()
        .map(|st| s.key(*st).unwrap().to_string())
        .collect();
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len());
    let back: Submission = crate::api::json::from_str(&crate::api::json::to_string(&s)).unwrap();
    assert_eq!(back, s);
    let mut back = back;
    assert_eq!(
        back.key_for(Stage::Order(1), "{\"a\":2}", || unreachable!()),
        all[3]
    );
    // A draft saved before fingerprints existed still reads (no fingerprint: the key is kept).
    let old = r#"{"customer_key":"k1","agreement_key":"k2","attested":false,"orders":[]}"#;
    let mut old: Submission = crate::api::json::from_str(old).unwrap();
    assert_eq!(
        old.key_for(Stage::CreateCustomer, "{}", || unreachable!()),
        "k1"
    );
}

#[test]
fn only_refusals_are_business_failures() {
    assert!(is_business_failure(&business(27100, &[])));
    assert!(is_business_failure(&business(27002, &["StateInvalid"])));
    for e in [
        ApiError::Timeout,
        ApiError::Network("x".into()),
        ApiError::from_status(503, "", None),
        ApiError::from_status(429, "", Some(1)),
        ApiError::BadJson("x".into()),
    ] {
        assert!(!is_business_failure(&e), "{e:?}");
    }
}

#[test]
fn order_errors_name_the_line() {
    let s = Submission::new(keys(), false, vec![spec("Office", &[("A", 5), ("B", 7)])]);
    assert_eq!(
        route_error(Stage::Order(0), &business(900275, &["1", "B"]), &s),
        Failure::Line {
            offer_id: "B".into(),
            problem: LineProblem::QuantityOutOfRange
        }
    );
    assert_eq!(
        route_error(Stage::Order(0), &business(900275, &["1"]), &s),
        Failure::Line {
            offer_id: "B".into(),
            problem: LineProblem::QuantityOutOfRange
        }
    );
    assert_eq!(
        route_error(Stage::Order(0), &business(800070, &["A"]), &s),
        Failure::Line {
            offer_id: "A".into(),
            problem: LineProblem::Unavailable
        }
    );
    let one = Submission::new(keys(), false, vec![spec("Office", &[("Z", 5)])]);
    assert_eq!(
        route_error(Stage::Order(0), &business(2085, &[]), &one),
        Failure::Line {
            offer_id: "Z".into(),
            problem: LineProblem::Unavailable
        }
    );
    assert_eq!(
        route_error(Stage::Order(0), &business(900275, &["1"]), &s).step(),
        Some(Step::Subscriptions)
    );
}
