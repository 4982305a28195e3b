//! Contract tests: the wire types read Partner Center's documented example bodies
//! (`tests/fixtures/`), and what the app sends validates against the OpenAPI schemas.

use super::map;
use super::wire;
use crate::domain::model::{
    Account, AgreementChoice, BillingCycle, CountryRules, MpnId, Order, OrderLine, ResellerId,
};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/",
            $name
        ))
    };
}

/// An answer, read the way the app reads it.
fn read<T: serde::de::DeserializeOwned>(json: &str) -> T {
    super::parse(json).expect("fixture parses")
}

/// What the app sends, as a JSON value for the schema checks.
fn written<T: serde::Serialize>(body: &T) -> serde_json::Value {
    super::json::from_str(&super::json::to_string(body)).expect("the app writes valid JSON")
}

/// Validates `value` against `components.schemas.<schema>` of docs/openapi.yaml.
fn assert_conforms(schema: &str, value: &serde_json::Value) {
    let yaml = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/openapi.yaml"));
    let mut root: serde_json::Value = serde_yaml::from_str(yaml).expect("openapi.yaml parses");
    root["$schema"] = "https://json-schema.org/draft/2020-12/schema".into();
    root["$ref"] = format!("#/components/schemas/{schema}").into();
    let validator = jsonschema::validator_for(&root).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{schema}: {errors:#?}\n{value:#}");
}

#[test]
fn every_documented_answer_parses() {
    let p = map::profile(read(fixture!("profile.response.json")));
    assert!(!p.roles.is_empty());
    let r = map::country_rules(read(fixture!("country-validation-rules.US.response.json")));
    assert_eq!(r.iso2, "US");
    assert!(r.states.contains(&"WA".to_string()));
    let a = map::address_check(read(fixture!("address-validation.response.json")));
    assert_eq!(a.status, "StreetPartial");
    assert!(!a.suggestions.is_empty());
    let resellers: wire::Collection<wire::PartnerRelationship> =
        read(fixture!("relationships.response.json"));
    let first = map::reseller(resellers.items[0].clone());
    assert!(first.id.0.contains('-'), "a reseller id is a GUID");
    assert!(first.mpn_id.0.chars().all(|c| c.is_ascii_digit()));
    let offers: wire::Collection<wire::Offer> = read(fixture!("offers.response.json"));
    let offers: Vec<_> = offers.items.into_iter().map(map::offer).collect();
    assert!(offers
        .iter()
        .any(|o| o.is_add_on && !o.prerequisites.is_empty()));
    let rr: wire::RelationshipRequest = read(fixture!("relationship-request.response.json"));
    assert!(rr.url.starts_with("https://"));
    let ag: wire::Collection<wire::AgreementMetadata> = read(fixture!("agreements.response.json"));
    assert_eq!(ag.items[0].agreement_type, "MicrosoftCustomerAgreement");
    let c = map::created_customer(read(fixture!("create-customer.response.json")));
    assert!(!c.id.is_empty() && !c.password.is_empty() && !c.user_name.is_empty());
    assert!(
        !format!("{c:?}").contains(&c.password),
        "Debug never shows the password"
    );
    let o: wire::Order = read(fixture!("order.response.json"));
    assert!(!o.id.is_empty());
}

#[test]
fn both_error_shapes_parse() {
    for body in [
        fixture!("error.legacy.json"),
        fixture!("error.new.json"),
        fixture!("error.domain-not-available.json"),
        fixture!("error.invalid-property.json"),
        fixture!("error.quantity-out-of-range.json"),
        fixture!("error.rate-limited.json"),
    ] {
        let e = super::ApiError::from_status(400, body, None);
        assert!(e.code().is_some(), "{body}");
    }
    let legacy = super::ApiError::from_status(400, fixture!("error.legacy.json"), None);
    assert_eq!(legacy.code(), Some(27002));
    assert_eq!(legacy.data(), ["StateInvalid".to_string()]);
}

fn us_account() -> Account {
    Account {
        country: "US".into(),
        company_name: " Contoso Pharmaceuticals Inc. ".into(),
        domain_prefix: "ContosoPharma".into(),
        address_line1: "1 Microsoft Way".into(),
        city: "Redmond".into(),
        state: "WA".into(),
        postal_code: "98052".into(),
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        email: "ada@contosopharma.com".into(),
        agreement: AgreementChoice::Accepted,
        signer_first_name: "Ada".into(),
        signer_last_name: "Lovelace".into(),
        signer_email: "ada@contosopharma.com".into(),
        date_agreed: "2026-11-20".into(),
        enable_gdap: true,
        ..Account::default()
    }
}

fn us_rules() -> CountryRules {
    CountryRules {
        iso2: "US".into(),
        default_culture: "en-US".into(),
        languages: vec!["en".into()],
        ..CountryRules::default()
    }
}

#[test]
fn the_create_customer_body_conforms_and_uses_the_reseller_id() {
    let reseller = ResellerId("2e5c2f53-6f21-4a5e-9c1d-3b0f2a7c9d10".into());
    let body = map::customer_create(&us_account(), Some(&us_rules()), Some(&reseller));
    let json = written(&body);
    assert_conforms("CreateCustomerRequest", &json);
    assert_eq!(json["AssociatedPartnerId"], reseller.0.as_str());
    assert_eq!(
        json["CompanyProfile"]["Domain"],
        "contosopharma.onmicrosoft.com"
    );
    assert_eq!(
        json["BillingProfile"]["CompanyName"],
        "Contoso Pharmaceuticals Inc."
    );
    assert_eq!(json["BillingProfile"]["Culture"], "en-US");
    assert_eq!(json["enableGDAPByDefault"], true);
    assert!(json["CompanyProfile"]
        .get("OrganizationRegistrationNumber")
        .is_none());
    assert!(json["BillingProfile"]["DefaultAddress"]
        .get("Region")
        .is_none());
}

#[test]
fn a_turkish_customer_sends_its_registration_number_and_phone() {
    let mut a = us_account();
    a.country = "TR".into();
    a.state = "İstanbul".into();
    a.postal_code = "34000".into();
    a.city = "Kadıköy".into();
    a.registration_number = "1234567890".into();
    a.phone = "+90 212 555 01 00".into();
    let rules = CountryRules {
        iso2: "TR".into(),
        default_culture: "tr-TR".into(),
        languages: vec!["tr".into()],
        ..CountryRules::default()
    };
    let json = written(&map::customer_create(&a, Some(&rules), None));
    assert_conforms("CreateCustomerRequest", &json);
    assert_eq!(
        json["CompanyProfile"]["OrganizationRegistrationNumber"],
        "1234567890"
    );
    assert_eq!(json["BillingProfile"]["Language"], "tr");
    assert!(json.get("AssociatedPartnerId").is_none());
    // Elsewhere the number is not sent even if typed.
    let mut us = us_account();
    us.registration_number = "999".into();
    let json = written(&map::customer_create(&us, None, None));
    assert!(json["CompanyProfile"]
        .get("OrganizationRegistrationNumber")
        .is_none());
}

#[test]
fn the_agreement_body_conforms() {
    let json = written(&map::agreement_create(
        &us_account(),
        "117a77b0-9360-443b-8795-c6dedc750cf9",
    ));
    assert_conforms("AgreementRequest", &json);
    assert_eq!(json["type"], "MicrosoftCustomerAgreement");
    // The date as typed in Turkish (or English, day first) is sent as ISO.
    for typed in ["20.11.2026", "20/11/2026", "2026-11-20"] {
        let a = Account {
            date_agreed: typed.into(),
            ..us_account()
        };
        let json = written(&map::agreement_create(&a, "t"));
        assert_eq!(json["dateAgreed"], "2026-11-20", "{typed}");
    }
}

#[test]
fn the_order_body_conforms_and_uses_the_mpn_id() {
    let order = Order {
        sales_group: "Office".into(),
        billing_cycle: BillingCycle::Annual,
        lines: vec![
            OrderLine {
                offer_id: "CFQ7TTC0LF8Q:0001".into(),
                quantity: 25,
                friendly_name: " Sales team ".into(),
                term_duration: Some("P1Y".into()),
                offer_name: "Microsoft 365 E3".into(),
            },
            OrderLine {
                offer_id: "CFQ7TTC0LH0R:0002".into(),
                quantity: 5,
                friendly_name: String::new(),
                term_duration: None,
                offer_name: String::new(),
            },
        ],
    };
    let mpn = MpnId("4912345".into());
    let json = written(&map::order_create(
        "6f1b2e4a-8f0e-4d1c-9b7a-2c3d4e5f6a7b",
        &order,
        Some(&mpn),
    ));
    assert_conforms("OrderRequest", &json);
    assert_eq!(json["lineItems"][0]["partnerIdOnRecord"], "4912345");
    assert_eq!(json["lineItems"][0]["friendlyName"], "Sales team");
    assert_eq!(json["lineItems"][1]["lineItemNumber"], 1);
    assert!(json["lineItems"][1].get("friendlyName").is_none());
}

#[test]
fn the_address_check_body_conforms() {
    let json = written(&map::address_to_validate(&us_account().address()));
    assert_conforms("AddressValidationRequest", &json);
}

#[test]
fn the_schema_check_is_not_vacuous() {
    let mut json = written(&map::customer_create(&us_account(), None, None));
    json["BillingProfile"]["DefaultAddress"]["Country"] = "UK".into();
    let result = std::panic::catch_unwind(|| assert_conforms("CreateCustomerRequest", &json));
    assert!(result.is_err(), "country UK must be rejected");
}
