//! Component tests in headless Chromium (wasm-bindgen-test): the field markup and the error
//! summary behave as the GOV.UK pattern requires.
#![cfg(target_arch = "wasm32")]

use customer_wizard::view::mount::mount_into;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh host element for one wizard instance (demo backend, English, no history).
fn host(id: &str) -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    el.set_id(id);
    el.set_attribute("data-locale", "en").unwrap();
    el.set_attribute("data-storage", "none").unwrap();
    el.set_attribute("data-demo-latency", "0").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn q(root: &HtmlElement, sel: &str) -> Option<web_sys::Element> {
    root.query_selector(sel).unwrap()
}

fn input(root: &HtmlElement, sel: &str) -> HtmlInputElement {
    q(root, sel).unwrap().unchecked_into()
}

async fn settle() {
    leptos::task::tick().await;
    // Effects scheduled by the tick run on the next microtask turn.
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::from(0)))
        .await
        .unwrap();
    leptos::task::tick().await;
}

fn type_into(el: &HtmlInputElement, value: &str) {
    el.set_value(value);
    el.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

fn submit(root: &HtmlElement) {
    let form: web_sys::HtmlFormElement = q(root, "form").unwrap().unchecked_into();
    form.request_submit().unwrap();
}

#[wasm_bindgen_test]
async fn fields_have_labels_hints_and_no_errors_before_continue() {
    let root = host("t1");
    let handle = mount_into(root.clone(), "t1".into(), false).unwrap();
    settle().await;
    let name = input(&root, "#t1-company-name");
    let label = q(&root, "label[for='t1-company-name']").unwrap();
    assert_eq!(label.text_content().unwrap().trim(), "Company legal name");
    assert_eq!(
        name.get_attribute("autocomplete").as_deref(),
        Some("organization")
    );
    assert_eq!(
        name.get_attribute("aria-describedby").as_deref(),
        Some("t1-company-name-hint")
    );
    assert_eq!(name.get_attribute("aria-invalid"), None);
    assert!(q(&root, ".cw-error-summary").is_none());
    assert!(q(&root, ".cw-error-message").is_none());
    let optional = q(&root, "label[for='t1-address-line2'] .cw-optional").unwrap();
    assert_eq!(optional.text_content().unwrap(), "(optional)");
    drop(handle);
    assert!(q(&root, "form").is_none(), "dropping the handle unmounts");
}

#[wasm_bindgen_test]
async fn continue_shows_summary_and_inline_errors_that_update_as_the_user_types() {
    let root = host("t2");
    let _handle = mount_into(root.clone(), "t2".into(), false).unwrap();
    settle().await;
    submit(&root);
    settle().await;

    let summary = q(&root, ".cw-error-summary").expect("error summary after Continue");
    let link = summary
        .query_selector("a[href='#t2-company-name']")
        .unwrap()
        .expect("a summary link to the company name");
    assert_eq!(link.text_content().unwrap(), "Enter the company legal name");

    let name = input(&root, "#t2-company-name");
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        name.get_attribute("aria-describedby").as_deref(),
        Some("t2-company-name-hint t2-company-name-error")
    );
    let error = q(&root, "#t2-company-name-error").unwrap();
    assert!(error
        .text_content()
        .unwrap()
        .contains("Enter the company legal name"));

    type_into(&name, "A");
    settle().await;
    let error = q(&root, "#t2-company-name-error").unwrap();
    assert!(
        error
            .text_content()
            .unwrap()
            .contains("not a single character"),
        "{:?}",
        error.text_content()
    );

    type_into(&name, "Contoso Ltd");
    settle().await;
    assert!(q(&root, "#t2-company-name-error").is_none());
    assert_eq!(name.get_attribute("aria-invalid"), None);
    assert_eq!(name.value(), "Contoso Ltd");
}

#[wasm_bindgen_test]
async fn warnings_show_but_do_not_count_as_errors() {
    let root = host("t3");
    let _handle = mount_into(root.clone(), "t3".into(), false).unwrap();
    settle().await;
    let name = input(&root, "#t3-company-name");
    type_into(&name, "Test Ltd");
    settle().await;
    let warning = q(&root, "#t3-company-name-warning").expect("a test-name warning");
    assert!(warning.text_content().unwrap().contains("test name"));
    assert!(name
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("t3-company-name-warning"));
    submit(&root);
    settle().await;
    let summary = q(&root, ".cw-error-summary").unwrap();
    assert!(summary
        .query_selector("a[href='#t3-company-name']")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn a_bad_config_gives_a_clear_message_in_place() {
    let root = host("t4");
    root.set_attribute("data-api-bsae", "x").unwrap();
    assert!(mount_into(root.clone(), "t4".into(), false).is_none());
    let msg = q(&root, ".cw-config-error").expect("a message in place");
    assert!(msg.text_content().unwrap().contains("api-bsae"));
}

// JSON in the wasm goes through the browser (`JSON.parse` + serde-wasm-bindgen, see
// src/api/json.rs), not serde_json: the same inputs must give the same results as natively.

#[wasm_bindgen_test]
fn json_answers_read_like_serde_json() {
    use customer_wizard::api::{parse, wire, ApiError};
    // Unknown members ignored, absent and null options are None, u64 from a number.
    let page: wire::Collection<wire::Offer> = parse(
        r#"{"totalCount": 2, "extra": {"a": [1, 2.5]}, "items": [
            {"id": "o1", "name": "One", "minimumQuantity": 1, "description": null, "category": {"id": "c"}},
            {"id": "o2", "name": "Two", "isAvailableForPurchase": false, "termDurations": ["P1M"]}]}"#,
    )
    .unwrap();
    assert_eq!(page.total_count, Some(2));
    assert_eq!(page.items[0].minimum_quantity, Some(1));
    assert_eq!(page.items[0].description, None);
    assert!(page.items[0].is_available_for_purchase);
    assert!(!page.items[1].is_available_for_purchase);
    assert_eq!(page.items[1].term_durations, ["P1M"]);
    // Malformed text, a wrong shape, a fraction or a negative for a u32: BadJson, no panic.
    for bad in [
        "<html>Bad gateway</html>",
        "",
        r#"{"items": 3}"#,
        r#"[1, 2]"#,
        r#"{"items": [{"id": "o", "name": "n", "minimumQuantity": 1.5}]}"#,
        r#"{"items": [{"id": "o", "name": "n", "minimumQuantity": -1}]}"#,
        r#"{"items": [{"id": 7, "name": "n"}]}"#,
    ] {
        let r: Result<wire::Collection<wire::Offer>, _> = parse(bad);
        assert!(matches!(r, Err(ApiError::BadJson(_))), "{bad}");
    }
    // Error bodies: code as a number or a string; junk is no body.
    assert_eq!(
        ApiError::from_status(400, r#"{"code": 27002, "data": ["StateInvalid"]}"#, None).code(),
        Some(27002)
    );
    assert_eq!(
        ApiError::from_status(409, r#"{"code": "27100", "isRetryable": false}"#, None).code(),
        Some(27100)
    );
    assert_eq!(ApiError::from_status(502, "<html>", None).code(), None);
    assert_eq!(
        ApiError::from_status(400, r#"{"code": 1.5}"#, None).code(),
        None
    );
}

/// In the wasm too, a wrong type or a missing member is an error that names the member.
#[wasm_bindgen_test]
fn json_errors_in_the_wasm_name_the_member() {
    use customer_wizard::api::{parse, wire, ApiError};
    let message = |text: &str| match parse::<wire::Collection<wire::Offer>>(text) {
        Err(ApiError::BadJson(m)) => m,
        other => panic!("{text}: {other:?}"),
    };
    let m = message(
        r#"{"items": [{"id": "a", "name": "A"}, {"id": "b", "name": "B", "minimumQuantity": 1.5}]}"#,
    );
    assert!(m.starts_with("items[1].minimumQuantity: "), "{m}");
    let m = message(r#"{"items": [{"id": "a"}]}"#);
    assert_eq!(m, "items[0]: missing field `name`");
    let m = message(r#"{"totalCount": "2", "items": []}"#);
    assert!(m.starts_with("totalCount: "), "{m}");
}

#[wasm_bindgen_test]
fn json_round_trips_the_draft_and_submission() {
    use customer_wizard::api::json;
    use customer_wizard::domain::model::{BillingCycle, Draft, Line, Order, OrderLine, ResellerId};
    use customer_wizard::domain::submit::Submission;
    let mut draft = Draft::default();
    draft.account.company_name = "Contoso \"Ltd\" ü".into();
    draft.account.enable_gdap = true;
    draft.reseller = Some(ResellerId("r-1".into()));
    draft.lines.push(Line {
        offer_id: "o1".into(),
        quantity: "3".into(),
        billing_cycle: BillingCycle::Annual,
        term_duration: None,
        friendly_name: String::new(),
    });
    let text = json::to_string(&draft);
    // Same text as serde_json: newtypes transparent, unit variants as strings, None as null.
    assert!(text.contains(r#""reseller":"r-1""#), "{text}");
    assert!(
        text.contains(r#""billing_cycle":"Annual","term_duration":null"#),
        "{text}"
    );
    assert_eq!(json::from_str::<Draft>(&text).unwrap(), draft);
    // A partial draft (as the e2e tests write it) loads with the rest defaulted.
    let partial: Draft = json::from_str(r#"{"account": {"company_name": "Fabrikam"}}"#).unwrap();
    assert_eq!(partial.account.company_name, "Fabrikam");
    assert_eq!(partial.lines, []);
    let submission = Submission::new(
        || "k".to_string(),
        true,
        vec![Order {
            sales_group: "g".into(),
            billing_cycle: BillingCycle::Monthly,
            lines: vec![OrderLine {
                offer_id: "o1".into(),
                quantity: 3,
                friendly_name: "x".into(),
                term_duration: Some("P1Y".into()),
                offer_name: "Offer one".into(),
            }],
        }],
    );
    let text = json::to_string(&submission);
    assert_eq!(json::from_str::<Submission>(&text).unwrap(), submission);
}

/// The offer search in the wasm finds the same offers as a plain `str::contains`, for terms
/// of one, two and more letters at every position of texts of many lengths: the scan and the
/// letter-pair filter are written for speed, and this runs them as compiled for the browser.
#[wasm_bindgen_test]
fn offer_search_in_the_wasm_matches_a_plain_scan() {
    use customer_wizard::domain::catalog::{Catalog, Query};
    use customer_wizard::domain::model::Offer;
    let words = [
        "alpha",
        "teams",
        "steam",
        "phone",
        "is",
        "x",
        "zz",
        "microsoft",
        "365",
        "tea",
        "qu",
    ];
    let mut offers = Vec::new();
    for n in 0..120usize {
        // Texts of many lengths, with words at shifting offsets.
        let mut desc = "-".repeat(n % 37);
        for k in 0..(n % 7) {
            desc.push_str(words[(n + k) % words.len()]);
            desc.push_str(&".".repeat((n * 3 + k) % 19));
        }
        offers.push(Offer {
            id: format!("id{n}"),
            name: format!("offer {}", words[n % words.len()]),
            description: desc,
            ..Offer::default()
        });
    }
    let catalog = Catalog::new(offers.clone());
    let terms = [
        "a",
        "x",
        "z",
        "q",
        "te",
        "ea",
        "zz",
        "is",
        "ph",
        "tea",
        "team",
        "steam",
        "phone",
        "microsoft",
        "365",
        "alpha",
        "qu",
        "-te",
        ".x",
        "id1",
        "id119",
        "nothing",
    ];
    for term in terms {
        let query = Query {
            text: term.to_string(),
            ..Query::default()
        };
        let mut got: Vec<String> = catalog
            .search(&query, None)
            .indices
            .iter()
            .map(|&i| catalog.offer(i).id.clone())
            .collect();
        let mut want: Vec<String> = offers
            .iter()
            .filter(|o| format!("{}\u{1}{}\u{1}{}", o.name, o.description, o.id).contains(term))
            .map(|o| o.id.clone())
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "term {term:?}");
    }
}
