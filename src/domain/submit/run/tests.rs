//! The run over a fake Partner Center that is idempotent by request id, as the real one and
//! the stub are: a request id it has answered gets the recorded answer, nothing is done twice.

use std::cell::{Cell, RefCell};
use std::ops::ControlFlow;
use std::sync::Arc;

use futures::executor::block_on;

use super::*;
use crate::domain::catalog::new_line;
use crate::domain::model::{BillingCycle, FieldId, Offer};
use crate::domain::submit::LineProblem;
use crate::domain::validate::FieldError;

/// One write as the fake received it.
#[derive(Clone, Debug)]
struct Sent {
    route: &'static str,
    key: String,
    body: String,
    /// Answered from the record of an earlier request with the same id.
    replayed: bool,
}

#[derive(Default)]
struct Fake {
    indirect: bool,
    /// Failures to answer the next call of a route with, in order; `true`: the write was done
    /// before the answer was lost (a dropped connection after the commit).
    faults: RefCell<Vec<(&'static str, ApiError, bool)>>,
    sent: RefCell<Vec<Sent>>,
    reads: RefCell<Vec<&'static str>>,
    /// Request ids answered, with the id of what they created.
    done: RefCell<Vec<(String, String)>>,
    /// The browser's storage: the submission as last reported.
    storage: RefCell<Option<Submission>>,
    events: RefCell<Vec<String>>,
    keys: Cell<u32>,
    /// Stop the run when this event is reported.
    stop_at: Option<String>,
}

impl Fake {
    fn fail(&self, route: &'static str, e: ApiError, done_first: bool) {
        self.faults.borrow_mut().push((route, e, done_first));
    }

    fn fault(&self, route: &str) -> Option<(ApiError, bool)> {
        let mut faults = self.faults.borrow_mut();
        let i = faults.iter().position(|(r, ..)| *r == route)?;
        let (_, e, done) = faults.remove(i);
        Some((e, done))
    }

    fn read<T>(&self, route: &'static str, answer: T) -> Result<T, ApiError> {
        self.reads.borrow_mut().push(route);
        match self.fault(route) {
            Some((e, _)) => Err(e),
            None => Ok(answer),
        }
    }

    /// A write: the key must be in storage already (a reload retries with it).
    fn write(
        &self,
        route: &'static str,
        body: String,
        key_for: impl FnOnce(&str) -> String,
    ) -> Result<(String, bool), ApiError> {
        let key = key_for(&body);
        let stored = self.storage.borrow().clone().expect("saved before sending");
        let keys = [Some(&stored.customer_key), stored.agreement_key.as_ref()];
        assert!(
            keys.into_iter().flatten().any(|k| *k == key)
                || stored.orders.iter().any(|o| o.key == key),
            "{route}: key {key} not saved before the request"
        );
        let recorded = self.done.borrow().iter().find(|(k, _)| *k == key).cloned();
        self.sent.borrow_mut().push(Sent {
            route,
            key: key.clone(),
            body,
            replayed: recorded.is_some(),
        });
        if let Some((_, id)) = recorded {
            return Ok((id, true));
        }
        let id = format!("{route}-{}", self.done.borrow().len() + 1);
        match self.fault(route) {
            Some((e, true)) => {
                self.done.borrow_mut().push((key, id));
                Err(e)
            }
            Some((e, false)) => Err(e),
            None => {
                self.done.borrow_mut().push((key, id.clone()));
                Ok((id, false))
            }
        }
    }

    fn sent(&self, route: &str) -> Vec<Sent> {
        let sent = self.sent.borrow();
        sent.iter().filter(|s| s.route == route).cloned().collect()
    }

    /// What the fake did (a refusal does nothing; a replay answers what was done).
    fn created(&self, route: &str) -> usize {
        let done = self.done.borrow();
        done.iter().filter(|(_, id)| id.starts_with(route)).count()
    }

    fn new_key(&self) -> String {
        self.keys.set(self.keys.get() + 1);
        format!("key-{}", self.keys.get())
    }

    /// Submits as the wizard does: from what storage holds, through JSON (as after a reload).
    fn submit(&self, draft: &Draft) -> Outcome {
        self.submit_with(draft, None, None, None)
    }

    fn submit_with(
        &self,
        draft: &Draft,
        catalog: Option<Arc<Catalog>>,
        partner_type: Option<PartnerType>,
        rules: Option<CountryRules>,
    ) -> Outcome {
        let saved = self
            .storage
            .borrow()
            .as_ref()
            .map(|s| crate::api::json::from_str(&crate::api::json::to_string(s)).unwrap());
        let input = Input {
            draft,
            locale: Locale::En,
            saved,
            catalog,
            partner_type,
            rules,
        };
        block_on(run(
            self,
            input,
            || self.new_key(),
            |e| {
                let name = match e {
                    Event::Changed(s) => {
                        *self.storage.borrow_mut() = Some(s.clone());
                        return ControlFlow::Continue(());
                    }
                    Event::Running(stage) => format!("running {stage:?}"),
                    Event::Created(c) => format!("created {} password {}", c.id, c.password),
                };
                let stop = self.stop_at.as_ref() == Some(&name);
                self.events.borrow_mut().push(name);
                if stop {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        ))
    }
}

impl SubmitApi for Fake {
    async fn catalog(&self, _: &str, _: Locale) -> Result<Arc<Catalog>, ApiError> {
        self.read("catalog", catalog())
    }
    async fn partner_type(&self) -> Result<PartnerType, ApiError> {
        let t = if self.indirect {
            PartnerType::IndirectProvider
        } else {
            PartnerType::Direct
        };
        self.read("profile", t)
    }
    async fn country_rules(&self, iso2: &str) -> Result<CountryRules, ApiError> {
        let rules = CountryRules {
            iso2: iso2.into(),
            default_culture: "en-US".into(),
            ..CountryRules::default()
        };
        self.read("rules", rules)
    }
    async fn resellers(&self) -> Result<Vec<Reseller>, ApiError> {
        let r = Reseller {
            id: ResellerId("r-1".into()),
            mpn_id: MpnId("mpn-1".into()),
            name: "Fabrikam".into(),
            location: String::new(),
            active: true,
        };
        self.read("resellers", vec![r])
    }
    async fn mca_template_id(&self) -> Result<String, ApiError> {
        self.read("template", "template-1".into())
    }
    async fn create_customer(
        &self,
        account: &Account,
        rules: Option<&CountryRules>,
        reseller: Option<&ResellerId>,
        key_for: impl FnOnce(&str) -> String,
    ) -> Result<CreatedCustomer, ApiError> {
        let culture = rules.map(|r| r.default_culture.as_str());
        let body = format!("{account:?} culture {culture:?} reseller {reseller:?}");
        let (id, replayed) = self.write("customers", body, key_for)?;
        Ok(CreatedCustomer {
            id,
            domain: "contoso.onmicrosoft.com".into(),
            company_name: account.company_name.clone(),
            user_name: "admin".into(),
            // A recorded answer has no password (it is never stored).
            password: if replayed { "" } else { "secret" }.into(),
        })
    }
    async fn attest(
        &self,
        customer_id: &str,
        account: &Account,
        template_id: &str,
        key_for: impl FnOnce(&str) -> String,
    ) -> Result<(), ApiError> {
        let body = format!("{customer_id} {} {template_id}", account.signer_email);
        self.write("agreements", body, key_for).map(drop)
    }
    async fn create_order(
        &self,
        customer_id: &str,
        order: &Order,
        mpn: Option<&MpnId>,
        key_for: impl FnOnce(&str) -> String,
    ) -> Result<PlacedOrder, ApiError> {
        let body = format!("{customer_id} {order:?} mpn {mpn:?}");
        let (id, _) = self.write("orders", body, key_for)?;
        Ok(PlacedOrder {
            id,
            status: "completed".into(),
        })
    }
}

fn offer(id: &str, group: &str) -> Offer {
    Offer {
        id: id.into(),
        name: id.into(),
        min_quantity: 1,
        max_quantity: 300,
        available: true,
        billing_cycles: vec![BillingCycle::Monthly],
        sales_group_id: group.into(),
        term_durations: vec!["P1M".into()],
        ..Offer::default()
    }
}

fn catalog() -> Arc<Catalog> {
    Arc::new(Catalog::new(vec![
        offer("A", "Office"),
        offer("B", "Office"),
        offer("Z", "Azure"),
    ]))
}

/// An indirect provider's draft with the agreement accepted and lines of `offers`.
fn draft(offers: &[(&str, &str)]) -> Draft {
    let c = catalog();
    let mut d = Draft::default();
    d.account.company_name = "Contoso".into();
    d.account.country = "US".into();
    d.account.state = "WA".into();
    d.account.agreement = AgreementChoice::Accepted;
    d.account.signer_email = "ada@contoso.com".into();
    d.reseller = Some(ResellerId("r-1".into()));
    for (id, quantity) in offers {
        let mut line = new_line(c.get(id).unwrap(), None);
        line.quantity = quantity.to_string();
        d.lines.push(line);
    }
    d
}

fn indirect() -> Fake {
    Fake {
        indirect: true,
        ..Fake::default()
    }
}

fn business(code: i64, data: &[&str]) -> ApiError {
    let body = serde_json::json!({"code": code, "description": "nope", "data": data});
    ApiError::from_status(400, &body.to_string(), None)
}

fn routes(fake: &Fake) -> Vec<&'static str> {
    fake.sent.borrow().iter().map(|s| s.route).collect()
}

#[test]
fn a_run_creates_the_customer_attests_and_places_each_order_saving_each_key_first() {
    let fake = indirect();
    let Outcome::Finished(sub) = fake.submit(&draft(&[("A", "5"), ("Z", "2"), ("B", "1")])) else {
        panic!("not finished: {:?}", fake.sent.borrow());
    };
    // One order per sales group; every key saved before its request (`Fake::write`).
    assert_eq!(
        routes(&fake),
        ["customers", "agreements", "orders", "orders"]
    );
    assert_eq!(sub.stage(), Stage::Finished);
    assert_eq!(fake.storage.borrow().as_ref(), Some(&sub));
    let placed: Vec<_> = sub
        .orders
        .iter()
        .map(|o| o.placed.clone().unwrap().id)
        .collect();
    assert_eq!(placed, ["orders-3", "orders-4"]);
    let lines: Vec<Vec<(&str, u32)>> = sub
        .orders
        .iter()
        .map(|o| {
            o.spec
                .lines
                .iter()
                .map(|l| (l.offer_id.as_str(), l.quantity))
                .collect()
        })
        .collect();
    assert_eq!(lines, [vec![("A", 5), ("B", 1)], vec![("Z", 2)]]);
    let mut keys: Vec<_> = fake.sent.borrow().iter().map(|s| s.key.clone()).collect();
    keys.dedup();
    assert_eq!(keys.len(), 4, "a key per operation");
    // The reseller's relationship id on the customer, its MPN id on every order.
    let sent = fake.sent.borrow();
    assert!(sent[0]
        .body
        .ends_with(r#"reseller Some(ResellerId("r-1"))"#));
    assert!(sent[2..]
        .iter()
        .all(|s| s.body.ends_with(r#"mpn Some(MpnId("mpn-1"))"#)));
    assert_eq!(
        *fake.events.borrow(),
        [
            "running CreateCustomer",
            "created customers-1 password secret",
            "running Attest",
            "running Order(0)",
            "running Order(1)",
        ]
    );
}

#[test]
fn a_direct_partner_names_no_reseller_and_a_later_agreement_is_not_attested() {
    let fake = Fake::default();
    let mut d = draft(&[("A", "5")]);
    d.account.agreement = AgreementChoice::AcceptLater;
    assert!(matches!(fake.submit(&d), Outcome::Finished(_)));
    assert_eq!(routes(&fake), ["customers", "orders"]);
    let sent = fake.sent.borrow();
    assert!(sent[0].body.ends_with("reseller None"));
    assert!(sent[1].body.ends_with("mpn None"));
    assert!(!fake.reads.borrow().contains(&"resellers"));
}

#[test]
fn a_retry_of_the_same_body_keeps_its_key_and_creates_nothing_twice() {
    let fake = indirect();
    let d = draft(&[("A", "5")]);
    // The customer was stored, then the connection dropped.
    fake.fail("customers", ApiError::Timeout, true);
    assert_eq!(
        fake.submit(&d),
        Outcome::Failed {
            stage: Stage::CreateCustomer,
            error: ApiError::Timeout,
            failure: Failure::Transient,
        }
    );
    // Retry: the same body with the same key; the server answers what it did.
    assert!(matches!(fake.submit(&d), Outcome::Finished(_)));
    let posts = fake.sent("customers");
    assert_eq!(posts.len(), 2);
    assert_eq!(posts[0].key, posts[1].key);
    assert!(posts[1].replayed);
    assert_eq!(fake.created("customers"), 1);
    // The recorded answer carries no password: nothing to show, nothing kept.
    assert!(fake
        .events
        .borrow()
        .contains(&"created customers-1 password ".to_string()));
}

#[test]
fn a_refusal_spends_the_key_and_a_changed_body_is_a_new_operation() {
    let fake = indirect();
    let mut d = draft(&[]);
    fake.fail("customers", business(27002, &["StateInvalid"]), false);
    assert_eq!(
        fake.submit(&d),
        Outcome::Failed {
            stage: Stage::CreateCustomer,
            error: business(27002, &["StateInvalid"]),
            failure: Failure::Account {
                fields: vec![(FieldId::State, FieldError::Refused(FieldId::State))],
                unknown: vec![],
            },
        }
    );
    // The same body again after a refusal: a new operation, a new key.
    fake.fail("customers", ApiError::Timeout, false);
    assert!(matches!(fake.submit(&d), Outcome::Failed { .. }));
    // The user changed the state: another body, another key; its retry keeps it.
    d.account.state = "OR".into();
    fake.fail("customers", ApiError::from_status(503, "", None), false);
    assert!(matches!(fake.submit(&d), Outcome::Failed { .. }));
    assert!(matches!(fake.submit(&d), Outcome::Finished(_)));
    let keys: Vec<_> = fake.sent("customers").into_iter().map(|s| s.key).collect();
    assert_eq!(keys.len(), 4);
    assert_ne!(keys[1], keys[0]);
    assert_ne!(keys[2], keys[1]);
    assert_eq!(keys[3], keys[2]);
    assert_eq!(fake.created("customers"), 1);
}

#[test]
fn a_resumed_run_skips_the_finished_stages() {
    let fake = indirect();
    let d = draft(&[("A", "5"), ("Z", "1")]);
    fake.fail("orders", ApiError::from_status(500, "", None), false);
    let Outcome::Failed { stage, failure, .. } = fake.submit(&d) else {
        panic!("no failure");
    };
    assert_eq!((stage, failure), (Stage::Order(0), Failure::Transient));
    let first_order = fake.sent("orders")[0].key.clone();
    // A reload: the run starts again from storage (through JSON, in `Fake::submit`).
    fake.sent.borrow_mut().clear();
    assert!(matches!(fake.submit(&d), Outcome::Finished(_)));
    assert_eq!(routes(&fake), ["orders", "orders"]);
    assert_eq!(fake.sent("orders")[0].key, first_order);
    assert_eq!(fake.created("orders"), 2);
    // Nothing is left to do: a run now sends nothing.
    fake.sent.borrow_mut().clear();
    assert!(matches!(fake.submit(&d), Outcome::Finished(_)));
    assert!(fake.sent.borrow().is_empty());
}

#[test]
fn order_failures_are_routed_to_their_line() {
    let fake = indirect();
    let mut d = draft(&[("A", "5"), ("B", "7")]);
    // Partner Center names the line by its number in the order.
    fake.fail("orders", business(900275, &["1"]), false);
    let Outcome::Failed { stage, failure, .. } = fake.submit(&d) else {
        panic!("no failure");
    };
    assert_eq!(stage, Stage::Order(0));
    assert_eq!(
        failure,
        Failure::Line {
            offer_id: "B".into(),
            problem: LineProblem::QuantityOutOfRange
        }
    );
    assert_eq!(
        failure.step(),
        Some(crate::domain::model::Step::Subscriptions)
    );
    // Fixed on Subscriptions: a new order with a new key; the customer is not sent again.
    d.lines[1].quantity = "3".into();
    fake.fail("orders", business(800070, &["A"]), false);
    let Outcome::Failed { failure, .. } = fake.submit(&d) else {
        panic!("no failure");
    };
    assert_eq!(
        failure,
        Failure::Line {
            offer_id: "A".into(),
            problem: LineProblem::Unavailable
        }
    );
    d.lines.remove(0);
    let Outcome::Finished(sub) = fake.submit(&d) else {
        panic!("not finished");
    };
    assert_eq!(sub.orders.len(), 1);
    assert_eq!(sub.orders[0].spec.lines[0].quantity, 3);
    let keys: Vec<_> = fake.sent("orders").into_iter().map(|s| s.key).collect();
    assert_eq!(keys.len(), 3);
    assert!(keys[0] != keys[1] && keys[1] != keys[2]);
    assert_eq!(routes(&fake)[..2], ["customers", "agreements"]);
    assert_eq!(fake.sent("customers").len(), 1);
}

#[test]
fn nothing_is_sent_when_the_lines_cannot_be_planned() {
    let fake = indirect();
    assert_eq!(fake.submit(&draft(&[("A", "0")])), Outcome::InvalidLines);
    fake.fail("catalog", ApiError::Offline, false);
    assert_eq!(
        fake.submit(&draft(&[("A", "5")])),
        Outcome::NoCatalog(ApiError::Offline)
    );
    assert!(fake.sent.borrow().is_empty());
    assert_eq!(*fake.storage.borrow(), None);
}

#[test]
fn what_the_wizard_has_read_is_not_read_again() {
    let fake = indirect();
    let rules = CountryRules {
        default_culture: "en-GB".into(),
        ..CountryRules::default()
    };
    let d = draft(&[("A", "5")]);
    let known = (Some(catalog()), Some(PartnerType::IndirectProvider));
    let outcome = fake.submit_with(&d, known.0, known.1, Some(rules));
    assert!(matches!(outcome, Outcome::Finished(_)));
    assert_eq!(*fake.reads.borrow(), ["template", "resellers"]);
    assert!(fake.sent("customers")[0]
        .body
        .contains(r#"culture Some("en-GB")"#));
}

#[test]
fn failed_reads_fail_their_stage_before_anything_is_sent() {
    let fake = indirect();
    let d = draft(&[("A", "5")]);
    fake.fail("profile", ApiError::Offline, false);
    let Outcome::Failed { stage, failure, .. } = fake.submit(&d) else {
        panic!("no failure");
    };
    assert_eq!(
        (stage, failure),
        (Stage::CreateCustomer, Failure::Transient)
    );
    // The country's rules shape the body: a passing failure is retried, never sent without.
    fake.fail("rules", ApiError::Timeout, false);
    assert!(matches!(fake.submit(&d), Outcome::Failed { .. }));
    assert!(fake.sent.borrow().is_empty());
    // The MPN id goes on every line: without it, no order is sent.
    fake.fail("resellers", ApiError::Network("reset".into()), false);
    let Outcome::Failed { stage, .. } = fake.submit(&d) else {
        panic!("no failure");
    };
    assert_eq!(stage, Stage::Order(0));
    assert_eq!(routes(&fake), ["customers", "agreements"]);
    // A country without rules (a refusal) is sent with the plain defaults.
    let other = indirect();
    other.fail("rules", ApiError::from_status(404, "", None), false);
    assert!(matches!(other.submit(&d), Outcome::Finished(_)));
    assert!(other.sent("customers")[0].body.contains("culture None"));
}

#[test]
fn a_stopped_run_sends_nothing_more() {
    let fake = Fake {
        stop_at: Some("running Attest".into()),
        ..indirect()
    };
    assert_eq!(fake.submit(&draft(&[("A", "5")])), Outcome::Stopped);
    assert_eq!(routes(&fake), ["customers"]);
}
