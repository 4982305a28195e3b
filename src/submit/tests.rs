use super::*;
use crate::api::ApiError;

fn keys() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("key-{n}")
    }
}

fn spec(group: &str, offers: &[(&str, u32)]) -> OrderSpec {
    OrderSpec {
        sales_group: group.into(),
        billing_cycle: BillingCycle::Monthly,
        lines: offers
            .iter()
            .map(|(id, q)| LineSpec {
                offer_id: id.to_string(),
                quantity: *q,
                friendly_name: String::new(),
                term_duration: None,
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

#[test]
fn business_errors_go_to_their_field() {
    let s = Submission::new(keys(), true, vec![]);
    let at = |e: ApiError| route_error(Stage::CreateCustomer, &e, &s);
    assert!(matches!(
        at(business(27002, &["StateInvalid"])),
        Failure::Field {
            field: FieldId::State,
            ..
        }
    ));
    assert!(matches!(
        at(business(27002, &["PostalCode"])),
        Failure::Field {
            field: FieldId::PostalCode,
            ..
        }
    ));
    assert_eq!(at(business(27002, &["Mystery"])), Failure::Other);
    assert_eq!(
        at(business(27100, &[])),
        Failure::Field {
            field: FieldId::DomainPrefix,
            error: FieldError::DomainTaken
        }
    );
    assert!(matches!(
        at(business(600049, &[])),
        Failure::Field {
            field: FieldId::RegistrationNumber,
            ..
        }
    ));
    assert!(matches!(
        at(business(600050, &[])),
        Failure::Field {
            field: FieldId::RegistrationNumber,
            ..
        }
    ));
    assert!(matches!(
        at(business(600051, &[])),
        Failure::Field {
            field: FieldId::Phone,
            ..
        }
    ));
    assert!(matches!(
        route_error(Stage::Attest, &business(13605, &[]), &s),
        Failure::Field {
            field: FieldId::Agreement,
            ..
        }
    ));
    assert_eq!(at(business(12345, &[])).step(), None);
    assert_eq!(at(business(27002, &["City"])).step(), Some(Step::Account));
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
