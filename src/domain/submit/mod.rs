//! Submitting: create the customer, attest the agreement, place one order per group. Not
//! atomic, so this pure state machine records what is done, holds each operation's idempotency
//! key (saved with the draft before the request goes out), says what to do next, and routes
//! each failure to the step and field it concerns.
//!
//! A key belongs to one request body: a retry of the same body (after a timeout, a dropped
//! connection, a 5xx or a 429) keeps it, so an idempotent server answers what it already did;
//! a different body, or any call after a business failure, is a new operation with a new key
//! (Microsoft: the request id is reset after a success or a business failure).
//!
//! [`run`] drives these steps over an API ([`SubmitApi`]) and reports them as [`Event`]s.

use crate::api::ApiError;
use crate::domain::model::{FieldId, Order, PlacedOrder, Step};
use crate::domain::validate::FieldError;
use serde::{Deserialize, Serialize};

mod run;
pub use run::{run, Event, Input, Outcome, SubmitApi};

// Saved with the draft (so that a reload resumes the submission with the same idempotency
// keys). Members marked `default` may be missing in what an older version saved.

/// The created customer as remembered across reloads: never the password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRef {
    pub id: String,
    #[serde(default)]
    pub domain: String,
    #[serde(default)]
    pub company_name: String,
    #[serde(default)]
    pub user_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderOp {
    pub key: String,
    pub spec: Order,
    pub placed: Option<PlacedOrder>,
    /// Fingerprint of the body last sent with `key` (see [`Submission::key_for`]).
    pub sent: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub customer_key: String,
    pub customer: Option<CustomerRef>,
    /// `None` when the customer will accept the agreement themselves.
    pub agreement_key: Option<String>,
    #[serde(default)]
    pub attested: bool,
    #[serde(default)]
    pub orders: Vec<OrderOp>,
    /// Fingerprints of the bodies last sent with `customer_key` and `agreement_key`.
    pub customer_sent: Option<String>,
    pub agreement_sent: Option<String>,
}

/// What to do next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    CreateCustomer,
    Attest,
    Order(usize),
    Finished,
}

/// How a stage looks in the progress view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageStatus {
    Waiting,
    InProgress,
    Done,
    Failed,
}

impl Submission {
    /// A fresh plan; `key` makes a new idempotency key (a GUID).
    pub fn new(mut key: impl FnMut() -> String, attest: bool, orders: Vec<Order>) -> Submission {
        Submission {
            customer_key: key(),
            customer: None,
            agreement_key: attest.then(&mut key),
            attested: false,
            orders: orders
                .into_iter()
                .map(|spec| OrderOp {
                    key: key(),
                    spec,
                    placed: None,
                    sent: None,
                })
                .collect(),
            customer_sent: None,
            agreement_sent: None,
        }
    }

    /// Adapts the plan to what the user changed after a failure, keeping everything already
    /// done and the keys of unchanged operations (so a retry is still recognised).
    pub fn replan(&mut self, mut key: impl FnMut() -> String, attest: bool, orders: Vec<Order>) {
        if attest && self.agreement_key.is_none() {
            self.agreement_key = Some(key());
        }
        if !attest && !self.attested {
            self.agreement_key = None;
        }
        let mut old = std::mem::take(&mut self.orders);
        // Placed orders stay as they are: they exist.
        self.orders = old.iter().filter(|o| o.placed.is_some()).cloned().collect();
        for spec in orders {
            if self
                .orders
                .iter()
                .any(|o| o.placed.is_some() && o.spec == spec)
            {
                continue;
            }
            let reuse = old
                .iter()
                .position(|o| o.placed.is_none() && o.spec == spec)
                .map(|i| old.remove(i));
            self.orders.push(reuse.unwrap_or_else(|| OrderOp {
                key: key(),
                spec,
                placed: None,
                sent: None,
            }));
        }
    }

    pub fn stage(&self) -> Stage {
        if self.customer.is_none() {
            return Stage::CreateCustomer;
        }
        if self.agreement_key.is_some() && !self.attested {
            return Stage::Attest;
        }
        match self.orders.iter().position(|o| o.placed.is_none()) {
            Some(i) => Stage::Order(i),
            None => Stage::Finished,
        }
    }

    /// The idempotency key of a stage.
    pub fn key(&self, stage: Stage) -> Option<&str> {
        match stage {
            Stage::CreateCustomer => Some(&self.customer_key),
            Stage::Attest => self.agreement_key.as_deref(),
            Stage::Order(i) => self.orders.get(i).map(|o| o.key.as_str()),
            Stage::Finished => None,
        }
    }

    /// The idempotency key to send `body` with at `stage`: the stage's key when this body is
    /// the one last sent with it (a retry) or none was sent yet; a new key when the body
    /// differs (the user changed something: a new operation). Save the submission before
    /// sending, so that a reload retries with the same key.
    pub fn key_for(
        &mut self,
        stage: Stage,
        body: &str,
        new_key: impl FnOnce() -> String,
    ) -> String {
        let print = fingerprint(body);
        let Some((key, sent)) = self.slot(stage) else {
            return String::new();
        };
        if sent.as_ref().is_some_and(|s| *s != print) {
            *key = new_key();
        }
        *sent = Some(print);
        key.clone()
    }

    /// After a business failure (a final answer: nothing was done) the stage's next call is a
    /// new operation with a new key, even with the same body.
    pub fn refused(&mut self, stage: Stage, new_key: impl FnOnce() -> String) {
        if let Some((key, sent)) = self.slot(stage) {
            *key = new_key();
            *sent = None;
        }
    }

    fn slot(&mut self, stage: Stage) -> Option<(&mut String, &mut Option<String>)> {
        match stage {
            Stage::CreateCustomer => Some((&mut self.customer_key, &mut self.customer_sent)),
            Stage::Attest => match &mut self.agreement_key {
                Some(k) => Some((k, &mut self.agreement_sent)),
                None => None,
            },
            Stage::Order(i) => self.orders.get_mut(i).map(|o| (&mut o.key, &mut o.sent)),
            Stage::Finished => None,
        }
    }

    pub fn record_customer(&mut self, c: CustomerRef) {
        self.customer = Some(c);
    }

    pub fn record_attested(&mut self) {
        self.attested = true;
    }

    pub fn record_order(&mut self, i: usize, placed: PlacedOrder) {
        if let Some(o) = self.orders.get_mut(i) {
            o.placed = Some(placed);
        }
    }

    /// Every stage with its status, for the progress view. `running` is the stage under way,
    /// `failed` the one that failed.
    pub fn stages(
        &self,
        running: Option<Stage>,
        failed: Option<Stage>,
    ) -> Vec<(Stage, StageStatus)> {
        let mut all = vec![Stage::CreateCustomer];
        if self.agreement_key.is_some() {
            all.push(Stage::Attest);
        }
        all.extend((0..self.orders.len()).map(Stage::Order));
        all.into_iter()
            .map(|s| {
                let done = match s {
                    Stage::CreateCustomer => self.customer.is_some(),
                    Stage::Attest => self.attested,
                    Stage::Order(i) => self.orders[i].placed.is_some(),
                    Stage::Finished => true,
                };
                let status = if done {
                    StageStatus::Done
                } else if failed == Some(s) {
                    StageStatus::Failed
                } else if running == Some(s) {
                    StageStatus::InProgress
                } else {
                    StageStatus::Waiting
                };
                (s, status)
            })
            .collect()
    }

    /// The customer exists but not everything else was done.
    pub fn partial(&self) -> bool {
        self.customer.is_some() && self.stage() != Stage::Finished
    }
}

/// A request body's fingerprint (64-bit FNV-1a, in decimal: no hex formatting linked): enough to tell a retry from a changed
/// body without keeping personal data twice in storage.
pub fn fingerprint(body: &str) -> String {
    let h = body.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    h.to_string()
}

/// Whether Partner Center answered and refused (a business failure: 4xx other than 429): a
/// final answer, unlike a timeout, a dropped connection, a 5xx or a 429.
pub fn is_business_failure(e: &ApiError) -> bool {
    matches!(e, ApiError::Status { status, .. } if *status < 500) && !e.is_transient()
}

/// Where a failure sends the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Network, timeout, 5xx, 429 (after the transport's own retries): offer Retry.
    Transient,
    /// Account info: each field Partner Center refused, with its message; `unknown`: the
    /// properties it named that no field of the wizard holds (shown on Account info by name;
    /// empty with no fields when it named none).
    Account {
        fields: Vec<(FieldId, FieldError)>,
        unknown: Vec<String>,
    },
    /// An order line on Subscriptions.
    Line {
        offer_id: String,
        problem: LineProblem,
    },
    /// Anything else: shown with its message; Retry is offered.
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblem {
    QuantityOutOfRange,
    Unavailable,
}

impl Failure {
    pub fn step(&self) -> Option<Step> {
        match self {
            Failure::Account { .. } => Some(Step::Account),
            Failure::Line { .. } => Some(Step::Subscriptions),
            Failure::Transient | Failure::Other => None,
        }
    }
}

/// The field of a property Partner Center named in a 27002 (see
/// [`ApiError::invalid_properties`]); at the agreement stage the contact is the signer.
fn field_of_property(name: &str, stage: Stage) -> Option<FieldId> {
    let n = name.to_ascii_lowercase();
    if stage == Stage::Attest {
        return Some(match n.as_str() {
            "firstname" => FieldId::SignerFirstName,
            "lastname" => FieldId::SignerLastName,
            "email" | "emailaddress" => FieldId::SignerEmail,
            "phonenumber" | "phone" => FieldId::SignerPhone,
            "dateagreed" => FieldId::DateAgreed,
            _ => return None,
        });
    }
    Some(match n.as_str() {
        "state" | "region" => FieldId::State,
        "postalcode" | "zipcode" | "postcode" => FieldId::PostalCode,
        "city" => FieldId::City,
        "addressline1" | "address" | "street" => FieldId::AddressLine1,
        "addressline2" => FieldId::AddressLine2,
        "country" => FieldId::Country,
        "phonenumber" | "phone" => FieldId::Phone,
        "email" | "emailaddress" | "notificationemailaddress" => FieldId::Email,
        "organizationregistrationnumber" | "registrationnumber" => FieldId::RegistrationNumber,
        "culture" => FieldId::Culture,
        "language" => FieldId::Language,
        "firstname" => FieldId::FirstName,
        "lastname" => FieldId::LastName,
        "companyname" => FieldId::CompanyName,
        "domain" => FieldId::DomainPrefix,
        "associatedpartnerid" => FieldId::Reseller,
        _ => return None,
    })
}

fn account(field: FieldId, error: FieldError) -> Failure {
    Failure::Account {
        fields: vec![(field, error)],
        unknown: Vec::new(),
    }
}

/// Maps an API failure at a stage to where the user fixes it.
pub fn route_error(stage: Stage, err: &ApiError, sub: &Submission) -> Failure {
    if err.is_transient() {
        return Failure::Transient;
    }
    let data = err.data();
    let description = match err {
        ApiError::Status { body: Some(b), .. } => b
            .description
            .clone()
            .or_else(|| b.message.clone())
            .unwrap_or_default(),
        _ => String::new(),
    };
    let order_offer = |sub: &Submission| -> Option<String> {
        let Stage::Order(i) = stage else { return None };
        let op = sub.orders.get(i)?;
        // `data` may name the line number or the offer id.
        data.iter()
            .find_map(|d| {
                op.spec
                    .lines
                    .iter()
                    .find(|l| l.offer_id == *d)
                    .map(|l| l.offer_id.clone())
                    .or_else(|| {
                        d.parse::<usize>()
                            .ok()
                            .and_then(|n| op.spec.lines.get(n))
                            .map(|l| l.offer_id.clone())
                    })
            })
            .or_else(|| (op.spec.lines.len() == 1).then(|| op.spec.lines[0].offer_id.clone()))
    };
    match err.code() {
        // Each property to its field; one the wizard has no field for is named on Account
        // info, never a Try again that cannot succeed.
        Some(27002) if !matches!(stage, Stage::Order(_)) => {
            let mut fields = Vec::new();
            let mut unknown = Vec::new();
            for p in err.invalid_properties() {
                match field_of_property(&p, stage) {
                    Some(f) if fields.iter().any(|(g, _)| *g == f) => {}
                    Some(f) => fields.push((f, FieldError::Refused(f))),
                    None => unknown.push(p),
                }
            }
            Failure::Account { fields, unknown }
        }
        Some(27100) => account(FieldId::DomainPrefix, FieldError::DomainTaken),
        Some(600049 | 600050) => {
            account(FieldId::RegistrationNumber, FieldError::Server(description))
        }
        Some(600051) => account(FieldId::Phone, FieldError::Required(FieldId::Phone)),
        Some(13605) => account(FieldId::Agreement, FieldError::Server(description)),
        Some(900275) => order_offer(sub)
            .map(|offer_id| Failure::Line {
                offer_id,
                problem: LineProblem::QuantityOutOfRange,
            })
            .unwrap_or(Failure::Other),
        Some(800070 | 2085) => order_offer(sub)
            .map(|offer_id| Failure::Line {
                offer_id,
                problem: LineProblem::Unavailable,
            })
            .unwrap_or(Failure::Other),
        _ => Failure::Other,
    }
}

#[cfg(test)]
mod tests;
